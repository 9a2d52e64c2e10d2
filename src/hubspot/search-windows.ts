import type { CrmGateway } from './crm-gateway';
import type { CrmRecord, SearchFilter } from './types';

/**
 * Walks every record matching `filterGroups` by an id cursor: sorted by hs_object_id, each query
 * asks for `hs_object_id GT <last id seen>` and never sends `after`. HubSpot's `after` is an
 * offset into the current result set, so a caller that writes records out of the set while paging
 * would skip as many records as it wrote; the cursor skips none, and no query reaches the
 * 10,000-result cap. Each group gets one more filter, so leave room for it (≤ 5 per group).
 * `onPage` gets each page as it arrives, so callers can act in batches without holding all.
 * Search is an index that lags writes: results may show values older than the record's own, and
 * records written moments ago may be missing. Callers re-read what they decide on.
 */
export async function searchAll(
  gateway: CrmGateway,
  objectType: string,
  filterGroups: Array<{ filters: SearchFilter[] }>,
  properties: string[],
  onPage: (records: CrmRecord[]) => Promise<void>,
  pageSize = 200,
): Promise<number> {
  let lastId: string | undefined;
  let seen = 0;
  for (;;) {
    const page = await gateway.search(objectType, {
      filterGroups: filterGroups.map((g) => ({
        filters: lastId ? [...g.filters, { propertyName: 'hs_object_id', operator: 'GT' as const, value: lastId }] : g.filters,
      })),
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties,
      limit: pageSize,
    });
    if (!page.results.length) return seen;
    await onPage(page.results);
    seen += page.results.length;
    lastId = page.results[page.results.length - 1]!.id;
    if (!page.after) return seen;
  }
}

/**
 * The records of a search page as they are now, read by id: search may still show the values from
 * before a recent write (this run's or the last one's). Those gone, or no longer matching
 * `stillMatches`, drop out; the rest keep the page's order.
 */
export async function currentRecords(
  gateway: CrmGateway,
  objectType: string,
  page: CrmRecord[],
  properties: string[],
  stillMatches: (record: CrmRecord) => boolean,
): Promise<CrmRecord[]> {
  const current = await gateway.readMany(
    objectType,
    page.map((r) => r.id),
    properties,
  );
  return page.flatMap((r) => {
    const record = current.get(r.id);
    return record && stillMatches(record) ? [record] : [];
  });
}

/**
 * A level-triggered pass: every record the search finds, by id cursor, handed to `run` a page of
 * ids at a time (each page is read again by id there), the page results summed with `add`.
 */
export async function passOverSearch<R>(
  gateway: CrmGateway,
  objectType: string,
  filterGroups: Array<{ filters: SearchFilter[] }>,
  pageSize: number,
  pass: { empty: R; add: (total: R, page: R) => R; run: (ids: string[]) => Promise<R>; onProgress?: ((total: R) => void) | undefined },
): Promise<R> {
  let total = pass.empty;
  await searchAll(
    gateway,
    objectType,
    filterGroups,
    ['hs_object_id'],
    async (page) => {
      total = pass.add(total, await pass.run(page.map((r) => r.id)));
      pass.onProgress?.(total);
    },
    pageSize,
  );
  return total;
}

/**
 * Search has no OR inside a filter group: records matching `base` whose `property` is unset or
 * (`IN`) among / (`NOT_IN`) outside `values` are two groups, one for each side of the OR.
 */
export function unsetOr(base: SearchFilter[], property: string, operator: 'IN' | 'NOT_IN', values: string[]): Array<{ filters: SearchFilter[] }> {
  return [
    { filters: [...base, { propertyName: property, operator, values }] },
    { filters: [...base, { propertyName: property, operator: 'NOT_HAS_PROPERTY' }] },
  ];
}
