import {
  groupByKey,
  MAX_BATCH_SIZE,
  retryDelayMs,
  type FailedJob,
  type JobHandler,
  type KeyOf,
  type ReadyJob,
  type WorkQueue,
  type WorkQueueSettings,
} from './work-queue';

/**
 * The in-process WorkQueue (no REDIS_URL): the same semantics as the BullMQ one, in memory. Jobs do
 * not survive the process; the receiver can keep answering after processing (today's mode) by not
 * using a queue at all, and the sweep stays the backstop either way.
 */

/** How long a job that fell due waits for others to join its batch (the BullMQ queue's default too). */
const BATCH_LINGER_MS = 50;

interface Job<E> {
  id: string;
  key: string;
  events: E[];
  attemptsMade: number;
  notBefore: number;
  reason?: string;
  failedAt?: number;
}

export function createMemoryWorkQueue<E>(keyOf: KeyOf<E>, settings: WorkQueueSettings): WorkQueue<E> {
  const pending = new Map<string, E[]>();
  const scheduled = new Set<string>();
  let waiting: Job<E>[] = [];
  const runningKeys = new Set<string>();
  const failed = new Map<string, Job<E>>();
  const idleWaiters: Array<() => void> = [];
  let handler: JobHandler<E> | undefined;
  let nextId = 1;
  let fence = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  /** Batches running (each up to batchSize jobs). */
  const running = new Set<Promise<void>>();
  const batchSize = Math.min(MAX_BATCH_SIZE, Math.max(1, settings.batchSize));

  const isRetry = (job: Job<E> | undefined) => !!job && job.attemptsMade > 0;

  function checkIdle(): void {
    if (waiting.length === 0 && running.size === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  function pump(): void {
    clearTimeout(timer);
    if (!handler || closed) return checkIdle();
    const now = Date.now();
    while (running.size < settings.concurrency) {
      const batch: Job<E>[] = [];
      for (const job of waiting) {
        if (batch.length >= batchSize || isRetry(batch[0])) break;
        const ready = job.notBefore <= now && !runningKeys.has(job.key) && !batch.some((j) => j.key === job.key);
        // Retries run alone (work-queue.ts, startWorkers).
        if (ready && (!batch.length || !isRetry(job))) batch.push(job);
      }
      if (!batch.length) break;
      waiting = waiting.filter((j) => !batch.includes(j));
      start(batch, handler);
    }
    const later = waiting.filter((j) => !runningKeys.has(j.key)).map((j) => j.notBefore);
    if (later.length && running.size < settings.concurrency) {
      // As the BullMQ queue's batcher lingers: jobs of one webhook batch fall due a millisecond or
      // two apart (more on a loaded machine), so the first waits for the others to join its batch.
      timer = setTimeout(pump, Math.max(0, Math.min(...later) - now) + BATCH_LINGER_MS);
    }
    checkIdle();
  }

  function start(batch: Job<E>[], run: JobHandler<E>): void {
    const ready: ReadyJob<E>[] = [];
    for (const job of batch) {
      runningKeys.add(job.key);
      job.events.push(...(pending.get(job.key) ?? []));
      pending.delete(job.key);
      scheduled.delete(job.key);
      // One process: nobody else can take the key, so the lease never ends early.
      const context = { key: job.key, attempt: job.attemptsMade + 1, fencingToken: ++fence, signal: new AbortController().signal, holds: () => true };
      if (job.events.length) ready.push({ key: job.key, events: job.events, context });
    }
    const done = (async () => {
      try {
        if (ready.length) await run(ready);
      } catch (err) {
        for (const job of batch) failAttempt(job, err);
      }
    })().finally(() => {
      for (const job of batch) runningKeys.delete(job.key);
      running.delete(done);
      pump();
    });
    running.add(done);
  }

  function failAttempt(job: Job<E>, err: unknown): void {
    job.attemptsMade += 1;
    job.reason = err instanceof Error ? err.message : String(err);
    if (job.attemptsMade < settings.attempts) {
      job.notBefore = Date.now() + retryDelayMs(job.attemptsMade, settings.backoffMs);
      waiting.push(job);
    } else {
      job.failedAt = Date.now();
      failed.set(job.id, job);
    }
  }

  const toFailed = (j: Job<E>): FailedJob => ({
    id: j.id,
    key: j.key,
    events: j.events.length,
    attempts: j.attemptsMade,
    reason: j.reason ?? '',
    failedAt: j.failedAt ?? 0,
  });

  return {
    async enqueue(events) {
      if (closed) throw new Error('the work queue is closed');
      const { groups, unkeyed } = groupByKey(events, keyOf);
      for (const [key, group] of groups) {
        pending.set(key, [...(pending.get(key) ?? []), ...group]);
        if (scheduled.has(key)) continue;
        scheduled.add(key);
        waiting.push({ id: String(nextId++), key, events: [], attemptsMade: 0, notBefore: Date.now() + settings.coalesceMs });
      }
      pump();
      return { events: events.length - unkeyed, keys: groups.size, unkeyed };
    },
    startWorkers(run) {
      handler = run;
      pump();
    },
    async status() {
      const now = Date.now();
      const ready = waiting.filter((j) => j.notBefore <= now).length;
      const delayed = waiting.length - ready;
      return { waiting: ready, delayed, active: runningKeys.size, failed: failed.size, depth: waiting.length };
    },
    async failed(limit = 50) {
      return [...failed.values()]
        .sort((a, b) => (b.failedAt ?? 0) - (a.failedAt ?? 0))
        .slice(0, limit)
        .map(toFailed);
    },
    async retryFailed(ids) {
      const chosen = ids ? ids.map((id) => failed.get(id)).filter((j): j is Job<E> => !!j) : [...failed.values()];
      for (const job of chosen) {
        failed.delete(job.id);
        waiting.push({ ...job, attemptsMade: 0, notBefore: Date.now() });
      }
      pump();
      return chosen.length;
    },
    whenIdle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      });
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await Promise.all(running);
    },
  };
}
