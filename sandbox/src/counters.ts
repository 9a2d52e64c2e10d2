/** Call counters: every API call received, by endpoint template, plus the faults that answered. */
export interface CallCounts {
  /** All API calls received (admin calls under /_sandbox are not counted). */
  total: number;
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
  /** 429s injected by the `rateLimit429`/`rateLimitNext` faults. */
  injected429: number;
  /** 5xx injected by the `serverError5xx`/`serverErrorNext` faults. */
  injected5xx: number;
  /** 429s from the real 10-second rolling limit (`rollingLimit`). */
  rollingLimit429: number;
  /** 429s from the search limit (5 requests per second). */
  searchLimit429: number;
  /** Creates applied and then answered 5xx or left unanswered (`appliedCreateFails…`). */
  appliedCreateFailed: number;
}

/** One API call as it arrived: when, which endpoint, and its status once answered (none if dropped). */
export interface TimedCall {
  at: number;
  endpoint: string;
  status?: number;
}

export type FaultKind = 'injected429' | 'injected5xx' | 'rollingLimit429' | 'searchLimit429' | 'appliedCreateFailed';

export class CallCounters {
  private counts: CallCounts = CallCounters.empty();
  private timed: TimedCall[] = [];

  private static empty(): CallCounts {
    return { total: 0, byEndpoint: {}, byStatus: {}, injected429: 0, injected5xx: 0, rollingLimit429: 0, searchLimit429: 0, appliedCreateFailed: 0 };
  }

  /** Counts the call and returns its timeline entry (its status is set when it is answered). */
  recordCall(endpoint: string, at = Date.now()): TimedCall {
    this.counts.total += 1;
    this.counts.byEndpoint[endpoint] = (this.counts.byEndpoint[endpoint] ?? 0) + 1;
    const call: TimedCall = { at, endpoint };
    this.timed.push(call);
    return call;
  }

  recordStatus(status: number, call?: TimedCall): void {
    if (call) call.status = status;
    const key = String(status);
    this.counts.byStatus[key] = (this.counts.byStatus[key] ?? 0) + 1;
  }

  recordFault(kind: FaultKind): void {
    this.counts[kind] += 1;
  }

  snapshot(): CallCounts {
    return structuredClone(this.counts);
  }

  /** Every call since the last reset, in arrival order (rate limits are judged on these times). */
  timeline(): TimedCall[] {
    return this.timed.map((c) => ({ ...c }));
  }

  reset(): void {
    this.counts = CallCounters.empty();
    this.timed = [];
  }
}
