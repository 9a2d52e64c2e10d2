import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './service-process';

/**
 * A redis-server of the bench's own on a free loopback port, without persistence (the bench's
 * queue lives and dies with the run). Undefined when the binary is not installed.
 */
export interface BenchRedis {
  url: string;
  stop(): Promise<void>;
}

export async function startBenchRedis(): Promise<BenchRedis | undefined> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const port = await freePort();
  const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s: ${said.slice(-300)}`)), 10_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready: ${said.slice(-300)}`)));
  });
  server.stdout!.resume();
  server.stderr!.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    },
  };
}
