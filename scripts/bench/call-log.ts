import type { CallCounts } from '@throughline/sandbox';

/**
 * The service's side of the count: every gateway call it completed, by operation name (the
 * gateway's CallObserver), with the time it finished. The stand-in's counters say how many calls
 * reached HubSpot by endpoint; this says which object type and which step of the flow made them.
 */
export interface LoggedCall {
  operation: string;
  outcome: 'ok' | 'error';
  status?: number;
  at: number;
}

export class CallLog {
  private calls: LoggedCall[] = [];
  private names = new Map<string, string>();

  /** Readable names for custom object type ids (2-…) in operation names. */
  nameTypes(byId: Record<string, string>): void {
    for (const [id, name] of Object.entries(byId)) this.names.set(id, name);
  }

  readonly observe = (operation: string, outcome: 'ok' | 'error', status?: number): void => {
    this.calls.push({ operation, outcome, ...(status !== undefined ? { status } : {}), at: Date.now() });
  };

  private normalise(operation: string): string {
    // "read deals 123" / "update deals 123" → without the record id; custom type ids → names.
    let op = operation.replace(/ \d+$/, '');
    for (const [id, name] of this.names) op = op.split(id).join(name);
    return op;
  }

  reset(): void {
    this.calls = [];
  }

  /** Calls in the order they finished, with readable operation names. */
  entries(): LoggedCall[] {
    return this.calls.map((c) => ({ ...c, operation: this.normalise(c.operation) }));
  }

  /** Completed calls by operation (retried attempts appear as `error` entries, not here). */
  byOperation(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.entries()) if (c.outcome === 'ok') out[c.operation] = (out[c.operation] ?? 0) + 1;
    return sortByKey(out);
  }
}

export function sortByKey(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

const isRead = (endpoint: string) => endpoint.startsWith('GET ') || /\/(batch\/read|search)$/.test(endpoint);

/** Reads and writes in a counter snapshot (batch read and search count as reads). */
export function readsAndWrites(calls: CallCounts): { reads: number; writes: number } {
  let reads = 0;
  let writes = 0;
  for (const [endpoint, n] of Object.entries(calls.byEndpoint)) {
    if (isRead(endpoint)) reads += n;
    else writes += n;
  }
  return { reads, writes };
}

/** The counter snapshot as stored in results.json: totals, endpoints, faults. */
export function countsRecord(calls: CallCounts) {
  return {
    total: calls.total,
    /** The stand-in's call chain: calls each made after the previous was answered (sandbox/src/call-chain.ts). */
    roundTrips: calls.roundTrips,
    ...readsAndWrites(calls),
    byEndpoint: sortByKey(calls.byEndpoint),
    byStatus: calls.byStatus,
    faults: { injected429: calls.injected429, injected5xx: calls.injected5xx, rollingLimit429: calls.rollingLimit429, searchLimit429: calls.searchLimit429 },
  };
}
