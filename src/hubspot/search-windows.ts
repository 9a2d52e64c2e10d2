import type { CrmGateway } from './crm-gateway';
import type { CrmRecord, SearchFilter } from './types';

/** HubSpot answers at most 10,000 results per query; paging past that is a 400. */
export const SEARCH_RESULT_CAP = 10_000;

/**
 * Walks every record matching `filterGroups`, past the 10,000-result cap: results are sorted by
 * hs_object_id and, when a query reaches the cap, a new query starts after the last id seen.
 * `onPage` gets each page as it arrives, so callers can act in batches without holding all.
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
    const groups = filterGroups.map((g) => ({
      filters: lastId ? [...g.filters, { propertyName: 'hs_object_id', operator: 'GT' as const, value: lastId }] : g.filters,
    }));
    let after: string | undefined;
    let inWindow = 0;
    let reachedCap = false;
    do {
      const page = await gateway.search(objectType, {
        filterGroups: groups,
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        properties,
        limit: pageSize,
        ...(after ? { after } : {}),
      });
      if (page.results.length) {
        await onPage(page.results);
        lastId = page.results[page.results.length - 1]!.id;
      }
      seen += page.results.length;
      inWindow += page.results.length;
      after = page.after;
      reachedCap = inWindow + pageSize > SEARCH_RESULT_CAP;
    } while (after && !reachedCap);
    if (!after) return seen;
  }
}
