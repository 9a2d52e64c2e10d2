import { HubSpotError, toHubSpotError } from './errors';

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** Base wait; attempt n waits base × n unless HubSpot says how long. */
  baseMs: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (err: HubSpotError, attempt: number, waitMs: number) => void;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** How long HubSpot asks us to wait, from Retry-After or the rate-limit interval header. */
export function waitFor(err: HubSpotError, attempt: number, baseMs: number): number {
  const retryAfter = Number(err.headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, 60_000);
  if (err.status === 429 && err.body?.policyName === 'TEN_SECONDLY_ROLLING' && baseMs >= 1000) {
    return Math.min(10_000, baseMs * attempt * 2);
  }
  // The search limit (5 per second, no headers): retrying within the same second cannot succeed.
  if (err.status === 429 && err.body?.policyName === 'SECONDLY') return Math.max(1000, baseMs * attempt);
  return baseMs * attempt;
}

/**
 * Runs a HubSpot call, retrying 429, 423, 5xx and network failures. We retry here rather than with
 * the client's numberOfApiCallRetries because the client waits a fixed 10 s × attempt on 429 and
 * ignores Retry-After; here the wait is configurable and honours HubSpot's headers.
 * For calls that can be repeated (reads, updates, upserts): a create goes through createOnce.
 */
export async function withRetry<T>(operation: string, call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (raw) {
      await waitToRetry(raw, operation, attempt, policy);
    }
  }
}

/**
 * After failed attempt `attempt`: throws the failure as a HubSpotError when it is not worth
 * retrying or the retries are spent; else waits as HubSpot asks and answers the error.
 */
export async function waitToRetry(raw: unknown, operation: string, attempt: number, policy: RetryPolicy): Promise<HubSpotError> {
  const err = toHubSpotError(raw, operation);
  if (!err.isRetryable || attempt > policy.retries) throw err;
  const ms = waitFor(err, attempt, policy.baseMs);
  policy.onRetry?.(err, attempt, ms);
  await (policy.sleep ?? sleep)(ms);
  return err;
}
