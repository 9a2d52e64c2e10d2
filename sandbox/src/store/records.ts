import { SearchIndexLag } from './search-index';
import type { Actor, HistoryEntry, ObjectRecord, RecordChange } from './types';

/**
 * Records and their property history, with change notifications. Knows nothing about validation:
 * ObjectService decides what may be written; this stores it and tells listeners what changed.
 */

const FIRST_ID = 20_000_000_001;

export type ChangeListener = (change: RecordChange) => void;

export interface WriteContext {
  actor: Actor;
  at: number;
  emitWebhooks: boolean;
}

export class RecordStore {
  private byType = new Map<string, Map<string, ObjectRecord>>();
  private nextId = FIRST_ID;
  private listeners: ChangeListener[] = [];
  /** What search sees lags the writes (off until a delay is set). */
  readonly searchIndex = new SearchIndexLag();

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  reset(): void {
    this.byType.clear();
    this.nextId = FIRST_ID;
    this.searchIndex.reset();
  }

  clearType(objectTypeId: string): void {
    this.byType.delete(objectTypeId);
  }

  private of(objectTypeId: string): Map<string, ObjectRecord> {
    let map = this.byType.get(objectTypeId);
    if (!map) {
      map = new Map();
      this.byType.set(objectTypeId, map);
    }
    return map;
  }

  /** Ids are numeric strings, unique across all object types (a deal id never finds a company). */
  newRecord(objectTypeId: string, at: number): ObjectRecord {
    const record: ObjectRecord = {
      id: String(this.nextId++),
      objectTypeId,
      properties: new Map(),
      history: new Map(),
      createdAt: at,
      updatedAt: at,
      archived: false,
    };
    this.of(objectTypeId).set(record.id, record);
    this.searchIndex.beforeWrite(record, true);
    return record;
  }

  get(objectTypeId: string, id: string, includeArchived = false): ObjectRecord | undefined {
    const record = this.of(objectTypeId).get(id);
    return record && (includeArchived || !record.archived) ? record : undefined;
  }

  /** Live records of a type, by ascending id. */
  list(objectTypeId: string, archived = false): ObjectRecord[] {
    return [...this.of(objectTypeId).values()].filter((r) => r.archived === archived).sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Live records of a type as the search index has them (see SearchIndexLag), by ascending id. */
  searchable(objectTypeId: string): ObjectRecord[] {
    return [...this.of(objectTypeId).values()]
      .flatMap((r) => this.searchIndex.view(r) ?? [])
      .filter((r) => !r.archived)
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  count(objectTypeId: string): number {
    return this.list(objectTypeId).length;
  }

  /**
   * Write values that differ from the current ones, recording history (newest first).
   * Returns the names that changed. Unchanged values leave no history, like HubSpot.
   */
  write(record: ObjectRecord, values: ReadonlyMap<string, string>, ctx: WriteContext): string[] {
    const changed: string[] = [];
    for (const [name, value] of values) {
      if ((record.properties.get(name) ?? '') === value) continue;
      if (changed.length === 0) this.searchIndex.beforeWrite(record);
      record.properties.set(name, value);
      const entry: HistoryEntry = {
        value,
        timestamp: ctx.at,
        sourceType: ctx.actor.sourceType,
        sourceId: ctx.actor.sourceId,
        ...(ctx.actor.updatedByUserId !== undefined ? { updatedByUserId: ctx.actor.updatedByUserId } : {}),
      };
      record.history.set(name, [entry, ...(record.history.get(name) ?? [])]);
      changed.push(name);
    }
    if (changed.length > 0) record.updatedAt = Math.max(record.updatedAt, ctx.at);
    return changed;
  }

  archive(record: ObjectRecord, at: number): void {
    this.searchIndex.beforeWrite(record);
    record.archived = true;
    record.archivedAt = at;
  }

  emit(change: RecordChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
