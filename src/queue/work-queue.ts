/**
 * The work queue between the webhook receiver and the gate/renewals (issue 15). Events are keyed by
 * the object they concern (a deal: `0-3:<id>`); per key:
 * - coalescing: events of one key from many batches, until its job starts, become ONE job that
 *   decides once on current state (the gate is level-triggered; the events only say "look again");
 * - exclusivity: a key's jobs never run at the same time, on one replica or on several;
 * - retries: a failed job is retried `attempts` times with exponential backoff, then kept in the
 *   failed set, listed by `failed()` and replayed by `retryFailed()`;
 * - batching: a worker runs up to `batchSize` ready jobs of different keys as ONE handler call (one
 *   gate batch: one set of batch calls for up to 100 deals), each job under its own lease; the
 *   batch succeeds or fails as a whole, and each of its jobs is retried on its own.
 * Two implementations, one contract (test/queue/work-queue.contract.ts): in memory (no Redis) and
 * BullMQ on Redis.
 */

/** The object an event concerns, or undefined when it concerns none (it is not queued). */
export type KeyOf<E> = (event: E) => string | undefined;

export interface JobContext {
  key: string;
  /** 1 on the first attempt. */
  attempt: number;
  /** This run's lease on the key: higher than every earlier run's. */
  fencingToken: number;
  /** Aborted when the lease on the key is lost (Redis unreachable, lease expired): stop before writing. */
  signal: AbortSignal;
  /** False once the lease may be another's (lost, or not renewed within its ttl): check before each write. */
  holds(): boolean;
}

/** One job of a batch: every event of `key` gathered since the key's last job. */
export interface ReadyJob<E> {
  key: string;
  events: E[];
  context: JobContext;
}

/**
 * Runs a batch of jobs, each of its own key, together. Throw to retry every job of the batch. A job
 * whose lease was lost by the time the handler returns counts as failed too (it is retried).
 */
export type JobHandler<E> = (jobs: ReadyJob<E>[]) => Promise<void>;

export interface EnqueueReceipt {
  events: number;
  keys: number;
  /** Events left out because they concern no object. */
  unkeyed: number;
}

export interface QueueStatus {
  waiting: number;
  /** Scheduled later: coalescing, backoff before a retry, or waiting for the key's lease. */
  delayed: number;
  active: number;
  failed: number;
  /** waiting + delayed: what readiness compares with QUEUE_MAX_DEPTH. */
  depth: number;
}

export interface FailedJob {
  id: string;
  key: string;
  /** Events the job carries (replayed by retryFailed). */
  events: number;
  attempts: number;
  reason: string;
  failedAt: number;
}

export interface WorkQueueSettings {
  /** QUEUE_CONCURRENCY: batches this replica runs at once. */
  concurrency: number;
  /** QUEUE_BATCH_SIZE: ready jobs (different keys) one batch takes, at most 100 (HubSpot's batch size). */
  batchSize: number;
  /** QUEUE_ATTEMPTS: tries before a job is kept as failed. */
  attempts: number;
  /** QUEUE_BACKOFF_MS: wait before the first retry, doubling after. */
  backoffMs: number;
  /** QUEUE_COALESCE_MS: how long a new job waits for more events of its key. */
  coalesceMs: number;
}

export interface WorkQueue<E> {
  enqueue(events: readonly E[]): Promise<EnqueueReceipt>;
  /**
   * Starts this replica's workers. A process that only reads the queue (the CLI) never calls it.
   * A batch succeeds or fails as a whole, so a job that fails every time (a deal HubSpot refuses)
   * would take the jobs batched with it down, attempt after attempt: a job's first attempt runs
   * with others, its retries run alone ("retries run alone"), so only the job that keeps failing
   * reaches the failed set.
   */
  startWorkers(handler: JobHandler<E>): void;
  status(): Promise<QueueStatus>;
  /** Failed jobs, most recent first. */
  failed(limit?: number): Promise<FailedJob[]>;
  /** Runs failed jobs again (all, or those with the ids given) from attempt 1; returns how many. */
  retryFailed(ids?: string[]): Promise<number>;
  /** Resolves when nothing waits, is delayed or runs (failed jobs aside). Waits; discards nothing. */
  whenIdle(): Promise<void>;
  /** Stops taking jobs, lets running ones finish, then releases timers and connections it opened. */
  close(): Promise<void>;
}

/** HubSpot's batch size: a batch of more jobs would need a second set of batch calls anyway. */
export const MAX_BATCH_SIZE = 100;

/** Thrown for a job whose key's lease was lost while it ran: nothing it did counts, it runs again. */
export class LeaseLostError extends Error {
  constructor(key: string) {
    super(`The lease on ${key} was lost while its job ran (Redis unreachable, or not renewed in time): the job runs again.`);
    this.name = 'LeaseLostError';
  }
}

/** The wait before retry n (n = attempts already made, from 1): base × 2^(n−1), as BullMQ's exponential backoff. */
export function retryDelayMs(attemptsMade: number, baseMs: number): number {
  return Math.round(baseMs * 2 ** Math.max(0, attemptsMade - 1));
}

/** Groups events by key, keeping their order; events without a key are counted apart. */
export function groupByKey<E>(events: readonly E[], keyOf: KeyOf<E>): { groups: Map<string, E[]>; unkeyed: number } {
  const groups = new Map<string, E[]>();
  let unkeyed = 0;
  for (const event of events) {
    const key = keyOf(event);
    if (key === undefined) unkeyed += 1;
    else groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  return { groups, unkeyed };
}
