/**
 * At most `max` batches in flight. HubSpot sends at most `maxConcurrentRequests` (default 10) at
 * once per account; beyond that something is wrong (a slow gate, several portals, a replay), and
 * the receiver answers 503 so HubSpot retries later rather than letting work pile up.
 */
export interface InFlightLimiter {
  /** A release function when a slot is free (call it exactly once; extra calls are ignored), else undefined. */
  tryAcquire(): (() => void) | undefined;
  readonly inFlight: number;
  readonly max: number;
}

export function createInFlightLimiter(max: number): InFlightLimiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxInFlight must be a whole number ≥ 1, got ${max}`);
  let inFlight = 0;
  return {
    tryAcquire() {
      if (inFlight >= max) return undefined;
      inFlight += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight -= 1;
      };
    },
    get inFlight() {
      return inFlight;
    },
    max,
  };
}
