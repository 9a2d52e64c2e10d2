import { randomUUID } from 'node:crypto';
import { createBullMqWorkQueue } from '../../src/queue/bullmq-work-queue';
import type { WorkQueue, WorkQueueSettings } from '../../src/queue/work-queue';
import { describeWithRedis } from '../helpers/test-redis';
import { gate, waitUntil } from '../helpers/wait-until';
import { keyOf, workQueueContract, type TestEvent } from './work-queue.contract';

describeWithRedis('the BullMQ work queue (REDIS_URL set)', (redis) => {
  let name = '';
  const build = (settings: WorkQueueSettings, leaseTtlMs?: number) =>
    createBullMqWorkQueue(keyOf, settings, {
      connection: redis.connect(),
      commands: redis.connect(),
      prefix: redis.prefix,
      name,
      leaseRetryMs: 20,
      // Long enough that a loaded machine takes every ready job into the first batch.
      batchLingerMs: 200,
      ...(leaseTtlMs ? { leaseTtlMs } : {}),
    });
  workQueueContract({
    make: (settings) => {
      name = `q-${randomUUID().slice(0, 8)}`;
      return build(settings);
    },
    // Another replica: its own connections, the same queue.
    replica: (settings) => build(settings),
  });

  describe('a job whose lease is taken over while it runs', () => {
    let q: WorkQueue<TestEvent> | undefined;
    afterEach(async () => q?.close());

    it('sees holds() turn false, is not counted as done, and runs again with its events once the key is free', async () => {
      name = `q-${randomUUID().slice(0, 8)}`;
      q = build({ concurrency: 1, batchSize: 10, attempts: 3, backoffMs: 10, coalesceMs: 0 }, 600);
      const leaseKey = `${redis.prefix}:${name}:lease:deal-9`;
      const commands = redis.connect();
      const slowCall = gate();
      const runs: Array<{ attempt: number; events: number[]; heldAfterWait?: boolean }> = [];
      q.startWorkers(async ([job]) => {
        const run: (typeof runs)[number] = { attempt: job!.context.attempt, events: job!.events.map((e) => e.n) };
        runs.push(run);
        if (run.attempt > 1) return;
        await slowCall.promise; // HubSpot is slow; meanwhile another replica takes the key
        run.heldAfterWait = job!.context.holds();
      });
      await q.enqueue([
        { key: 'deal-9', n: 1 },
        { key: 'deal-9', n: 2 },
      ]);
      await waitUntil(() => runs.length === 1, 'the first attempt runs');
      await commands.set(leaseKey, 'another-replica|999999', 'PX', 1_000);
      // The holder's next renewal (every ttl/3 = 200 ms) finds the lease taken.
      await new Promise((r) => setTimeout(r, 500));
      slowCall.open();
      await waitUntil(() => runs.length === 2, 'the job runs again', 10_000);
      await q.whenIdle();
      expect(runs).toEqual([
        { attempt: 1, events: [1, 2], heldAfterWait: false },
        { attempt: 2, events: [1, 2] },
      ]);
      expect((await q.status()).failed).toBe(0);
      // The retry waited for the other replica's lease to lapse: it never released the thief's.
      expect(await commands.get(leaseKey)).toBeNull();
    }, 20_000);
  });
});
