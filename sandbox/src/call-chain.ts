/** One API call as the stand-in saw it: when it arrived and when its answer was sent (ms, monotonic). */
export interface ChainCall {
  endpoint: string;
  /** The concrete path (`/crm/v3/objects/deals/batch/update`), for telling object types apart. */
  path: string;
  start: number;
  end: number;
}

/**
 * Sequential round trips: the longest chain of calls each of which arrived after the one before it
 * had been answered. Calls a client runs together overlap and count once; a caller that waits for
 * an answer before its next call adds one per wait. A count, not a timing: it is the same at any
 * latency as long as calls that run together overlap (give every call some latency to be sure).
 */
export function sequentialRoundTrips(calls: readonly ChainCall[]): number {
  // Sorted by answer time, the calls answered before one arrived are a prefix: a binary search
  // and a running maximum give each call's depth in O(n log n) (the bench polls the counters often).
  const byEnd = [...calls].sort((a, b) => a.end - b.end);
  const bestUpTo: number[] = [0];
  for (let i = 0; i < byEnd.length; i++) {
    let lo = 0;
    let hi = i;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byEnd[mid]!.end <= byEnd[i]!.start) lo = mid + 1;
      else hi = mid;
    }
    bestUpTo.push(Math.max(bestUpTo[i]!, bestUpTo[lo]! + 1));
  }
  return bestUpTo[byEnd.length]!;
}
