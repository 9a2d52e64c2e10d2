import { randomUUID } from 'node:crypto';
import { createBullMqWorkQueue } from '../../src/queue/bullmq-work-queue';
import type { WorkQueueSettings } from '../../src/queue/work-queue';
import { describeWithRedis } from '../helpers/test-redis';
import { keyOf, workQueueContract } from './work-queue.contract';

describeWithRedis('the BullMQ work queue (REDIS_URL set)', (redis) => {
  let name = '';
  const build = (settings: WorkQueueSettings) =>
    createBullMqWorkQueue(keyOf, settings, { connection: redis.connect(), commands: redis.connect(), prefix: redis.prefix, name, leaseRetryMs: 20 });
  workQueueContract({
    make: (settings) => {
      name = `q-${randomUUID().slice(0, 8)}`;
      return build(settings);
    },
    // Another replica: its own connections, the same queue.
    replica: (settings) => build(settings),
  });
});
