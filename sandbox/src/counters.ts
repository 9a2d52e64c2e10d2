import { sequentialRoundTrips, type TimedCall } from './call-chain';

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
  /** Every answered call in the order it arrived, with when it arrived and was answered. */
  timeline: TimedCall[];
  /** The longest chain of calls each made after the previous was answered (see call-chain.ts). */
  roundTrips: number;
}

export type FaultKind = 'injected429' | 'injected5xx' | 'rollingLimit429' | 'searchLimit429' | 'appliedCreateFailed';

export class CallCounters {
  private counts: CallCounts = CallCounters.empty();

  private static empty(): CallCounts {
    return { total: 0, byEndpoint: {}, byStatus: {}, injected429: 0, injected5xx: 0, rollingLimit429: 0, searchLimit429: 0, appliedCreateFailed: 0, timeline: [], roundTrips: 0 };
  }

  /** Counts a call; the function it returns marks it answered (its place in the call chain). */
  recordCall(endpoint: string, path = ''): () => void {
    this.counts.total += 1;
    this.counts.byEndpoint[endpoint] = (this.counts.byEndpoint[endpoint] ?? 0) + 1;
    const timeline = this.counts.timeline;
    const call: TimedCall = { endpoint, path, start: performance.now(), end: Number.POSITIVE_INFINITY };
    timeline.push(call);
    return () => {
      // A reset between arrival and answer starts a new timeline: this call is not in it.
      if (this.counts.timeline === timeline) call.end = performance.now();
    };
  }

  recordStatus(status: number): void {
    const key = String(status);
    this.counts.byStatus[key] = (this.counts.byStatus[key] ?? 0) + 1;
  }

  recordFault(kind: FaultKind): void {
    this.counts[kind] += 1;
  }

  snapshot(): CallCounts {
    const answered = this.counts.timeline.filter((c) => Number.isFinite(c.end));
    return structuredClone({ ...this.counts, timeline: answered, roundTrips: sequentialRoundTrips(answered) });
  }

  reset(): void {
    this.counts = CallCounters.empty();
  }
}
