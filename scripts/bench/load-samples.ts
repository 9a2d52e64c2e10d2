import { round, slope } from './stats';

export const MB = 2 ** 20;

export interface RssSample {
  /** Seconds since sampling started (3 s idle, then the load, then 3 s after). */
  t: number;
  rssMb: number;
  /** V8 heap in use, from the service's own /metrics (every 5 s; absent if it has none). */
  heapUsedMb?: number;
  phase: 'idle' | 'load' | 'after';
}

/** The service's heap in use, from its Prometheus endpoint (prom-client's default metrics). */
export async function heapUsedMb(serviceUrl: string): Promise<number | undefined> {
  try {
    const res = await fetch(`${serviceUrl}/metrics`);
    if (!res.ok) return undefined;
    const m = /^\w*nodejs_heap_size_used_bytes\s+([0-9.e+]+)$/m.exec(await res.text());
    return m ? round(Number(m[1]) / MB, 1) : undefined;
  } catch {
    return undefined;
  }
}

export interface MemorySummary {
  rss: {
    idleMb: number;
    minMb: number;
    maxMb: number;
    lastMb: number;
    afterMb: number;
    slopeMbPerMin: number;
    slopeSecondHalfMbPerMin: number;
    samples: RssSample[];
  };
  heap: { minMb: number; maxMb: number; lastMb: number; slopeSecondHalfMbPerMin: number } | undefined;
}

/** RSS before, during and after the load, and its growth per minute; the heap during the load. */
export function summariseSamples(samples: RssSample[]): MemorySummary {
  const during = samples.filter((s) => s.phase === 'load');
  const idle = samples.filter((s) => s.phase === 'idle');
  const after = samples.filter((s) => s.phase === 'after');
  const perMin = (s: RssSample[]) => round(slope(s.map((x) => ({ x: x.t / 60, y: x.rssMb }))), 2);
  const heapSamples = during.filter((x) => x.heapUsedMb !== undefined).map((x) => ({ x: x.t / 60, y: x.heapUsedMb! }));
  const heap = heapSamples.length
    ? {
        minMb: Math.min(...heapSamples.map((h) => h.y)),
        maxMb: Math.max(...heapSamples.map((h) => h.y)),
        lastMb: heapSamples[heapSamples.length - 1]!.y,
        slopeSecondHalfMbPerMin: round(slope(heapSamples.slice(Math.floor(heapSamples.length / 2))), 2),
      }
    : undefined;
  return {
    rss: {
      idleMb: idle[idle.length - 1]?.rssMb ?? Number.NaN,
      minMb: Math.min(...during.map((s) => s.rssMb)),
      maxMb: Math.max(...during.map((s) => s.rssMb)),
      lastMb: during[during.length - 1]?.rssMb ?? Number.NaN,
      afterMb: after[after.length - 1]?.rssMb ?? Number.NaN,
      slopeMbPerMin: perMin(during),
      slopeSecondHalfMbPerMin: perMin(during.slice(Math.floor(during.length / 2))),
      samples,
    },
    heap,
  };
}

/** The most HubSpot calls in any 10 s window of the per-second call totals. */
export function maxCallsIn10s(loadTotals: Array<{ t: number; total: number }>): number {
  let maxCallsPer10s = 0;
  for (let i = 0; i < loadTotals.length; i++) {
    for (let j = i; j < loadTotals.length && loadTotals[j]!.t - loadTotals[i]!.t <= 10_000; j++) {
      maxCallsPer10s = Math.max(maxCallsPer10s, loadTotals[j]!.total - loadTotals[i]!.total);
    }
  }
  maxCallsPer10s = Math.max(maxCallsPer10s, loadTotals[0]?.total ?? 0);
  return maxCallsPer10s;
}
