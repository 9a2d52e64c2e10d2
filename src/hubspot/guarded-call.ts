import type { HubSpotCallBreaker } from './call-breaker';
import type { HubSpotError } from './errors';
import type { BudgetKind, RateBudget } from './rate-budget';
import { assertFenceHolds } from './write-fence';

/**
 * What every HubSpot attempt passes through, in this order: a slot of the shared budget (waiting
 * there is not HubSpot being slow, so it is outside the timeout), then the breaker (timeout and
 * circuit). Both sit inside what withRetry repeats: each attempt takes its own slot and has its own
 * timeout; a CircuitOpenError is not retryable, so an open circuit fails the call at once. A write
 * checks the job's write fence (write-fence.ts) between the two: the last moment before it is sent.
 */
export interface CallGuards {
  budget?: RateBudget | undefined;
  breaker?: HubSpotCallBreaker | undefined;
}

export function guarded<T>(guards: CallGuards, kind: BudgetKind, operation: string, call: () => Promise<T>): () => Promise<T> {
  return async () => {
    await guards.budget?.acquire(kind);
    return guards.breaker ? guards.breaker.run(operation, call) : call();
  };
}

/** `guarded` for a call that changes HubSpot: not sent once the current job's write fence is lost. */
export function guardedWrite<T>(guards: CallGuards, operation: string, call: () => Promise<T>): () => Promise<T> {
  return async () => {
    await guards.budget?.acquire('request');
    // Before the breaker: a fenced write was never sent, so it says nothing about HubSpot's health.
    assertFenceHolds(operation);
    return guards.breaker ? guards.breaker.run(operation, call) : call();
  };
}

/** A 429 slows every caller of the budget (every replica with Redis) for the wait HubSpot asked for. */
export function coolDownAfter(guards: CallGuards, err: HubSpotError, waitMs: number): void {
  if (err.status !== 429 || !guards.budget) return;
  const kind: BudgetKind = err.body?.policyName === 'SECONDLY' ? 'search' : 'request';
  // A cool-down that cannot be written (Redis away) only loses the slowing down, never the call.
  guards.budget.coolDown(waitMs, kind).catch(() => undefined);
}
