import { sequentialRoundTrips, type ChainCall } from './call-chain';

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

/** One API call: when it arrived (epoch ms, for rate windows), its place in the call chain, and its status once answered (none if dropped). */
export interface TimedCall extends ChainCall {
  at: number;
  status?: number;
}

export type FaultKind = 'injected429' | 'injected5xx' | 'rollingLimit429' | 'searchLimit429' | 'appliedCreateFailed';

export class CallCounters {
  private counts: CallCounts = CallCounters.empty();

  private static empty(): CallCounts {
    return {
      total: 0,
      byEndpoint: {},
      byStatus: {},
      injected429: 0,
      injected5xx: 0,
      rollingLimit429: 0,
      searchLimit429: 0,
      appliedCreateFailed: 0,
      timeline: [],
      roundTrips: 0,
    };
  }

  /** Counts the call and returns its timeline entry (answered, with its status, by recordStatus). */
  recordCall(endpoint: string, path = '', at = Date.now()): TimedCall {
    this.counts.total += 1;
    this.counts.byEndpoint[endpoint] = (this.counts.byEndpoint[endpoint] ?? 0) + 1;
    const call: TimedCall = { at, endpoint, path, start: performance.now(), end: Number.POSITIVE_INFINITY };
    this.counts.timeline.push(call);
    return call;
  }

  recordStatus(status: number, call?: TimedCall): void {
    if (call) {
      call.status = status;
      call.end = performance.now();
    }
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

  /** Every call since the last reset, in arrival order (rate limits are judged on these times). */
  timeline(): TimedCall[] {
    return this.counts.timeline.map((c) => ({ ...c }));
  }

  reset(): void {
    this.counts = CallCounters.empty();
  }
}
