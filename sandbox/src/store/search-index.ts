import type { ObjectRecord } from './types';

interface Pending {
  /** The record as the index holds it; undefined: not indexed yet (just created). */
  view: ObjectRecord | undefined;
  /** Wall-clock ms from which the record's current state is searchable. */
  until: number;
}

/**
 * HubSpot's search reads an index that lags writes ("newly written records take a moment to
 * appear", and search results may carry the values from before the write). A record written within
 * the last `delayMs` is seen by search as it was before those writes: a new one not at all, an
 * updated one matching and showing its old values, an archived one still there. Every write
 * restarts the record's wait. Wall-clock time, not the sandbox clock, which tests pin.
 */
export class SearchIndexLag {
  private pending = new Map<string, Pending>();

  constructor(public delayMs = 0) {}

  /** Call before a record changes (and right after creating one, with `created`). */
  beforeWrite(record: ObjectRecord, created = false): void {
    if (this.delayMs <= 0) return;
    const now = Date.now();
    const p = this.pending.get(record.id);
    if (p && p.until > now) {
      p.until = now + this.delayMs;
      return;
    }
    this.pending.set(record.id, { view: created ? undefined : { ...record, properties: new Map(record.properties) }, until: now + this.delayMs });
  }

  /** The record as search sees it now; undefined when search does not know it yet. */
  view(record: ObjectRecord): ObjectRecord | undefined {
    const p = this.pending.get(record.id);
    if (!p) return record;
    if (p.until > Date.now()) return p.view;
    this.pending.delete(record.id);
    return record;
  }

  /** Resolves once every write made so far is searchable. */
  async settled(): Promise<void> {
    let last = 0;
    for (const p of this.pending.values()) last = Math.max(last, p.until);
    const wait = last - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const now = Date.now();
    for (const [id, p] of this.pending) if (p.until <= now) this.pending.delete(id);
  }

  reset(): void {
    this.pending.clear();
  }
}
