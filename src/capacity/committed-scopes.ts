import type { CrmGateway } from '../hubspot/crm-gateway';
import { currentRecords, searchAll, unsetOr } from '../hubspot/search-windows';
import type { CrmRecord, SearchFilter } from '../hubspot/types';
import type { CapacitySettings } from '../model';
import { SCOPE_DELIVERY_PROPERTIES as SD } from '../model/delivery-properties';
import { SCOPE_PROPERTIES as SC } from '../model/well-known-properties';
import { capacityScopeProperties, scopeLoadFrom } from './scope-load-from';
import type { ScopeLoad } from './scope-load';

/** A scope's work is over in these phases: it loads nobody any more. */
const FINISHED_PHASES = ['delivered', 'closed'];
export const COMMITTED_PAGE_SIZE = 100;

/**
 * What counts as committed load: scopes delivery approved, not superseded, not finished, of one
 * of the teams. Read as it is now (search lags writes), so a scope approved or closed a moment
 * ago is counted as it stands.
 */
export function isCommitted(record: CrmRecord, settings: Pick<CapacitySettings, 'scope'>, teamIds: readonly string[]): boolean {
  const p = record.properties;
  return (
    teamIds.includes(p[settings.scope.team]?.trim() ?? '') &&
    p[SC.approved] === 'true' &&
    p[SC.status] !== 'superseded' &&
    !FINISHED_PHASES.includes(p[SD.phase] ?? '')
  );
}

/**
 * The teams' committed scopes, for assessCapacity: one search walked by id cursor (never
 * `after`, so past 10,000 and unaffected by writes while paging), 100 a page, each page read
 * again by id and kept only if it is still committed. Calls: pages × 2.
 */
export async function committedScopes(
  gateway: CrmGateway,
  scopeType: string,
  settings: Pick<CapacitySettings, 'scope'>,
  teamIds: readonly string[],
): Promise<ScopeLoad[]> {
  if (!teamIds.length) return [];
  const properties = [...new Set([...capacityScopeProperties(settings), SC.approved, SC.status, SD.phase])];
  const base: SearchFilter[] = [
    { propertyName: settings.scope.team, operator: 'IN', values: [...teamIds] },
    { propertyName: SC.approved, operator: 'EQ', value: 'true' },
  ];
  const out: ScopeLoad[] = [];
  await searchAll(
    gateway,
    scopeType,
    unsetOr(base, SD.phase, 'NOT_IN', FINISHED_PHASES),
    ['hs_object_id'],
    async (page) => {
      const current = await currentRecords(gateway, scopeType, page, properties, (r) => isCommitted(r, settings, teamIds));
      out.push(...current.map((r) => scopeLoadFrom(r, settings)));
    },
    COMMITTED_PAGE_SIZE,
  );
  return out;
}
