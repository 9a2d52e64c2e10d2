import { AsyncLocalStorage } from 'node:async_hooks';
import { HubSpotError } from './errors';

/**
 * The write fence of queue mode: a job runs its use cases inside `fenced(fence, …)`, and every
 * HubSpot write attempt the gateway sends from within checks `fence.holds()` first (after waiting
 * for its budget slot, before the request leaves). The fence travels with the job's async context
 * (AsyncLocalStorage), so no use case takes a signal; outside a job (in-process mode, the CLI, the
 * scheduler) there is none and nothing changes.
 *
 * It narrows the window, it does not close it: HubSpot cannot check a fencing token, so a write
 * sent just before the lease is lost still lands. Keyed creates and convergence (create-once.ts,
 * keepOldest) are what make such a late write harmless.
 */
export interface WriteFence {
  /** False once another may hold what the job works on. */
  holds(): boolean;
  /** What was lost, for the error (e.g. "the lease on 0-3:123"). */
  describe(): string;
}

const current = new AsyncLocalStorage<WriteFence>();

export function fenced<T>(fence: WriteFence, work: () => Promise<T>): Promise<T> {
  return current.run(fence, work);
}

/** Not retried by withRetry or createOnce, and never an outage for the breaker: no call was sent. */
export class WriteFencedError extends HubSpotError {
  constructor(operation: string, lost: string) {
    super(0, `${operation} was not sent: ${lost} was lost (another replica may hold it now). The job is retried; nothing to do.`, undefined, {}, operation);
    this.name = 'WriteFencedError';
  }

  override get isRetryable(): boolean {
    return false;
  }
}

/** Throws WriteFencedError when the current job's fence no longer holds. */
export function assertFenceHolds(operation: string): void {
  const fence = current.getStore();
  if (fence && !fence.holds()) throw new WriteFencedError(operation, fence.describe());
}
