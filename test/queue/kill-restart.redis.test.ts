import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { seedCompany, seedDeal } from '../../scripts/lib/seed';
import { startFaultStack, type FaultStack } from '../faults/harness';
import { closedWonEvents, openGateTasksByDeal, postBatch, startReplica } from '../faults/replicas';
import { describeWithRedis } from '../helpers/test-redis';
import { waitUntil } from '../helpers/wait-until';

/**
 * kill -9 of a replica in the middle of its jobs (queue mode): the jobs it was running stay locked
 * in Redis until their lock lapses, then another replica runs them again with their events; the
 * jobs still waiting are taken as they are. Every deal ends decided, with one task. (Before the
 * queue, a replica killed while a batch ran `deferred` left its deals in Closed Won until the sweep.)
 */
describeWithRedis('a replica killed with jobs in the queue', (redis) => {
  let stack: FaultStack;
  let child: ChildProcess | undefined;
  const prefix = `${redis.prefix}:kill`;
  const engine = { redisPrefix: prefix, jobLockMs: 1_500, leaseTtlMs: 1_500 };
  beforeAll(async () => {
    stack = await startFaultStack({ env: { REDIS_URL: redis.url, QUEUE_COALESCE_MS: '30' }, service: { engine } });
    await stack.service.close(); // only the child works, until it dies
  }, 60_000);
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await stack?.close().catch(() => undefined);
  });

  function startChild(): Promise<string> {
    const env = {
      HUBSPOT_ACCESS_TOKEN: stack.sandbox.accessToken,
      HUBSPOT_CLIENT_SECRET: stack.sandbox.clientSecret,
      HUBSPOT_APP_ID: stack.sandbox.appId,
      HUBSPOT_API_BASE_URL: stack.sandbox.url,
      HUBSPOT_RETRIES: '6',
      HUBSPOT_RETRY_BASE_MS: '20',
      HUBSPOT_REQUESTS_PER_10S: '0',
      LOG_LEVEL: 'silent',
      REDIS_URL: redis.url,
      QUEUE_COALESCE_MS: '30',
      QUEUE_CONCURRENCY: '4',
    };
    const root = join(__dirname, '..', '..');
    // node itself with tsx as a loader: the tsx binary would run the service in a grandchild that SIGKILL misses.
    child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/queue-service-child.ts'], {
      cwd: root,
      env: { ...process.env, THROUGHLINE_CHILD: JSON.stringify({ env, engine }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      let said = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        said += chunk.toString();
        const url = /READY (\S+)/.exec(said)?.[1];
        if (url) resolve(url);
      });
      child!.once('exit', (code) => reject(new Error(`the child service exited (${code}) before it was ready`)));
    });
  }

  it('the next replica runs what the dead one held and what was waiting: every deal decided once', async () => {
    const deals = Array.from({ length: 12 }, (_, i) => {
      const id = seedDeal(stack.sandbox, { name: `Killed ${i}`, companyId: seedCompany(stack.sandbox, `Killed Co ${i}`) });
      stack.sandbox.updateObject('deals', id, { dealstage: 'closedwon' });
      return id;
    });
    const url = await startChild();
    stack.sandbox.setFaults({ latencyMs: 250 });
    const answer = await postBatch(url, stack.config.HUBSPOT_CLIENT_SECRET, closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, deals));
    expect([answer.status, answer.body.queued]).toEqual([200, true]);
    const commands = redis.connect();
    // Some jobs running in the child, none finished yet: then kill -9.
    await waitUntil(async () => (await commands.keys(`${prefix}:webhook-events:lease:*`)).length > 0, 'the child holds a job', 10_000);
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    expect(child!.signalCode).toBe('SIGKILL');
    const decided = deals.filter((id) => stack.sandbox.getObject('deals', id)!.properties.dealstage === 'contractsent');
    expect(decided.length).toBeLessThan(deals.length);

    stack.sandbox.clearFaults();
    const next = await startReplica(stack, { engine });
    try {
      await next.runtime.engine.queue!.whenIdle();
      const tasks = openGateTasksByDeal(stack.sandbox);
      expect(deals.filter((id) => stack.sandbox.getObject('deals', id)!.properties.dealstage !== 'contractsent' || tasks.get(id) !== 1)).toEqual([]);
      expect((await next.runtime.engine.queue!.status()).failed).toBe(0);
    } finally {
      await next.close();
    }
  }, 90_000);
});
