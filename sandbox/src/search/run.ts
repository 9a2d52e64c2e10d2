import { validationError } from '../errors';
import type { ObjectTypeDef } from '../store/object-types';
import type { SandboxStore } from '../store/store';
import type { ObjectRecord } from '../store/types';
import { compare, comparable } from './compare';
import { compileFilterGroups } from './filters';
import type { SearchRequest, Sort } from './request';

/** Run a parsed search: filter, text query, sort (default hs_object_id ascending), page. */

export interface SearchPage {
  total: number;
  records: ObjectRecord[];
  nextAfter?: string;
}

function sorter(store: SandboxStore, type: ObjectTypeDef, sorts: Sort[]) {
  const keys = [...sorts, { propertyName: 'hs_object_id', direction: 'ASCENDING' as const }].map((s) => {
    const def = store.properties.get(type.objectTypeId, s.propertyName);
    if (!def) throw validationError(`Unknown property ${s.propertyName} for ${type.name} in sorts.`);
    return { def, sign: s.direction === 'DESCENDING' ? -1 : 1 };
  });
  return (a: ObjectRecord, b: ObjectRecord): number => {
    for (const { def, sign } of keys) {
      const va = comparable(def, a.properties.get(def.name) ?? '');
      const vb = comparable(def, b.properties.get(def.name) ?? '');
      const emptyA = (a.properties.get(def.name) ?? '') === '' || va === undefined;
      const emptyB = (b.properties.get(def.name) ?? '') === '' || vb === undefined;
      if (emptyA || emptyB) {
        if (emptyA !== emptyB) return (emptyA ? -1 : 1) * sign;
        continue;
      }
      const c = compare(va as NonNullable<typeof va>, vb as NonNullable<typeof vb>) ?? 0;
      if (c !== 0) return Math.sign(c) * sign;
    }
    return 0;
  };
}

function textMatcher(type: ObjectTypeDef, query: string | undefined) {
  if (!query) return () => true;
  const q = query.toLowerCase();
  return (record: ObjectRecord) =>
    record.id === query || type.textSearchProperties.some((name) => (record.properties.get(name) ?? '').toLowerCase().includes(q));
}

export function runSearch(store: SandboxStore, type: ObjectTypeDef, request: SearchRequest): SearchPage {
  const matches = compileFilterGroups(store, type, request.filterGroups);
  const text = textMatcher(type, request.query);
  const all = store.records
    .searchable(type.objectTypeId)
    .filter((r) => matches(r) && text(r))
    .sort(sorter(store, type, request.sorts));
  const end = Math.min(request.after + request.limit, all.length);
  const records = all.slice(request.after, end);
  const more = end < all.length && request.limit > 0;
  // Like HubSpot, a cursor past the 10,000 cap is still handed out; using it answers 400.
  return { total: all.length, records, ...(more ? { nextAfter: String(end) } : {}) };
}
