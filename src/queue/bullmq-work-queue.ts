import { randomUUID } from 'node:crypto';
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { holdLease } from '../coordination/redis-lease';
import { createJobBatcher, type JobBatcher } from './job-batcher';
import { pendingEvents } from './pending-events';
import { groupByKey, LeaseLostError, MAX_BATCH_SIZE, type FailedJob, type KeyOf, type ReadyJob, type WorkQueue, type WorkQueueSettings } from './work-queue';

/**
 * The WorkQueue on BullMQ (REDIS_URL set). One job per key waiting at a time (pending-events.ts);
 * a job runs only while it holds the key's Redis lease with a fencing token (redis-lease.ts), and a
 * job that finds the lease taken is moved back to delayed without spending an attempt. Jobs taken
 * together run as one batch (job-batcher.ts), each still under its own lease. BullMQ's groups
 * would do the per-key serialising too, but they are a BullMQ Pro (paid) feature.
 */

export interface BullMqWorkQueueOptions {
  /** For BullMQ (maxRetriesPerRequest null): connectRedis(url, 'worker'). */
  connection: Redis;
  /** For leases: connectRedis(url, 'commands'), which fails fast instead of waiting on Redis. */
  commands: Redis;
  name?: string;
  prefix?: string;
  /** How long a key's lease lasts without renewal (default 30 s; renewed every ttl/3 while the job runs). */
  leaseTtlMs?: number;
  /** How long a job waits before trying a busy key again (default 250 ms). */
  leaseRetryMs?: number;
  /** How long a batch waits for more ready jobs once its first is taken (default 50 ms). */
  batchLingerMs?: number;
  /** BullMQ's job lock (default 30 s): a job whose worker died is run again once it lapses and the stall check sees it. */
  jobLockMs?: number;
  /** How often workers look for stalled jobs (default 30 s). */
  stalledCheckMs?: number;
  onError?: (err: unknown) => void;
}

interface JobData {
  key: string;
}

export function createBullMqWorkQueue<E>(keyOf: KeyOf<E>, settings: WorkQueueSettings, options: BullMqWorkQueueOptions): WorkQueue<E> {
  const prefix = options.prefix ?? 'throughline';
  const name = options.name ?? 'webhook-events';
  const leaseTtlMs = options.leaseTtlMs ?? 30_000;
  const leaseRetryMs = options.leaseRetryMs ?? 250;
  const batchSize = Math.min(MAX_BATCH_SIZE, Math.max(1, settings.batchSize));
  const batchLingerMs = options.batchLingerMs ?? 50;
  const queue = new Queue<JobData>(name, { connection: options.connection, prefix });
  const parked = pendingEvents(options.connection, `${prefix}:${name}`, { claimTtlMs: settings.coalesceMs + 60_000 });
  const workerId = randomUUID();
  let worker: Worker<JobData> | undefined;

  async function runJob(
    job: Job<JobData>,
    token: string | undefined,
    batchers: { together: JobBatcher<ReadyJob<E>>; alone: JobBatcher<ReadyJob<E>> },
  ): Promise<void> {
    const { key } = job.data;
    const lease = await holdLease(options.commands, `${prefix}:${name}:lease:${key}`, {
      owner: `${workerId}:${job.id}`,
      ttlMs: leaseTtlMs,
      prefix: `${prefix}:${name}`,
    });
    if (!lease) {
      await job.moveToDelayed(Date.now() + leaseRetryMs, token);
      throw new DelayedError();
    }
    try {
      const events = await parked.take<E>(key, job.id!);
      if (events.length) {
        const context = { key, attempt: job.attemptsMade + 1, fencingToken: lease.token, signal: lease.signal, holds: lease.holds };
        // Retries run alone (work-queue.ts, startWorkers).
        await (job.attemptsMade > 0 ? batchers.alone : batchers.together).submit({ key, events, context });
      }
      // Lost meanwhile: another replica may have run the key since; nothing here counts as done, and
      // the events stay taken by this job for its retry.
      if (!lease.holds()) throw new LeaseLostError(key);
      await parked.done(job.id!);
    } finally {
      await lease.release();
    }
  }

  const jobOptions = {
    delay: settings.coalesceMs,
    attempts: settings.attempts,
    backoff: { type: 'exponential' as const, delay: settings.backoffMs },
    removeOnComplete: true,
    removeOnFail: false,
  };

  return {
    async enqueue(events) {
      const { groups, unkeyed } = groupByKey(events, keyOf);
      const needJobs: string[] = [];
      for (const [key, group] of groups) if (await parked.park(key, group)) needJobs.push(key);
      if (needJobs.length) await queue.addBulk(needJobs.map((key) => ({ name: 'object', data: { key }, opts: jobOptions })));
      return { events: events.length - unkeyed, keys: groups.size, unkeyed };
    },
    startWorkers(handler) {
      if (worker) throw new Error('startWorkers was already called');
      const batchers = {
        together: createJobBatcher<ReadyJob<E>>({ size: batchSize, concurrency: settings.concurrency, lingerMs: batchLingerMs, run: handler }),
        alone: createJobBatcher<ReadyJob<E>>({ size: 1, concurrency: settings.concurrency, lingerMs: 0, run: handler }),
      };
      worker = new Worker<JobData>(name, (job, token) => runJob(job, token, batchers), {
        connection: options.connection,
        prefix,
        // Enough jobs taken at once to fill every batch the replica may run.
        concurrency: settings.concurrency * batchSize,
        ...(options.jobLockMs ? { lockDuration: options.jobLockMs } : {}),
        ...(options.stalledCheckMs ? { stalledInterval: options.stalledCheckMs } : {}),
      });
      worker.on('error', (err) => options.onError?.(err));
    },
    async status() {
      const c = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
      const waiting = (c.waiting ?? 0) + (c.prioritized ?? 0);
      const delayed = c.delayed ?? 0;
      return { waiting, delayed, active: c.active ?? 0, failed: c.failed ?? 0, depth: waiting + delayed };
    },
    async failed(limit = 50) {
      const jobs = await queue.getFailed(0, limit - 1);
      const listed: FailedJob[] = [];
      for (const job of jobs) {
        listed.push({
          id: String(job.id),
          key: job.data.key,
          events: await parked.count(String(job.id)),
          attempts: job.attemptsMade,
          reason: job.failedReason ?? '',
          failedAt: job.finishedOn ?? 0,
        });
      }
      return listed;
    },
    async retryFailed(ids) {
      const jobs = ids ? await Promise.all(ids.map((id) => queue.getJob(id))) : await queue.getFailed(0, -1);
      let retried = 0;
      for (const job of jobs) {
        if (!job || !(await job.isFailed())) continue;
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        retried += 1;
      }
      return retried;
    },
    async whenIdle() {
      for (;;) {
        const s = await this.status();
        if (s.depth === 0 && s.active === 0) return;
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      await worker?.close();
      await queue.close();
    },
  };
}
