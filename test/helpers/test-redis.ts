import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/**
 * Redis for integration tests, never a mock: TEST_REDIS_URL (CI starts redis-server and sets it),
 * else a redis-server of our own on a free port when the binary is installed, else the suite is
 * skipped with a message saying how to run it. Every suite gets its own key prefix and removes
 * its keys afterwards, so suites can share one server.
 */

const url = process.env.TEST_REDIS_URL;
const canSpawn = !url && spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
export const redisAvailable = !!url || canSpawn;

export interface TestRedis {
  url: string;
  prefix: string;
  /** A fresh connection, closed after the suite. */
  connect(): Redis;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts redis-server on a free port; resolves when it says it is ready (no failed probes). */
async function startRedisServer(): Promise<{ server: ChildProcess; url: string }> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('Ready to accept connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready: ${said.slice(-300)}`)));
  });
  server.stdout!.resume();
  return { server, url: `redis://127.0.0.1:${port}` };
}

/** describe() against a real Redis, or describe.skip with a message when none can be had. */
export function describeWithRedis(name: string, body: (redis: TestRedis) => void): void {
  if (!redisAvailable) {
    describe.skip(`${name} (skipped: set TEST_REDIS_URL or install redis-server to run the Redis suites)`, () => {
      it('needs Redis', () => undefined);
    });
    return;
  }
  const connections: Redis[] = [];
  let server: ChildProcess | undefined;
  const redis: TestRedis = {
    url: url ?? '',
    prefix: `tl-test:${randomUUID().slice(0, 8)}`,
    connect() {
      const c = new Redis(redis.url, { maxRetriesPerRequest: null });
      connections.push(c);
      return c;
    },
  };
  describe(name, () => {
    beforeAll(async () => {
      if (!url) ({ server, url: redis.url } = await startRedisServer());
    });
    afterAll(async () => {
      if (url) {
        const cleaner = redis.connect();
        const keys = await cleaner.keys(`${redis.prefix}*`);
        if (keys.length) await cleaner.del(...keys);
      }
      await Promise.all(connections.map((c) => (c.status === 'end' ? undefined : c.quit().catch(() => c.disconnect()))));
      if (server && server.exitCode === null) {
        const exited = new Promise((r) => server!.once('exit', r));
        server.kill();
        await exited;
      }
    });
    body(redis);
  });
}
