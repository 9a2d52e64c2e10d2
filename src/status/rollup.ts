import { parseHubSpotDate, type CalendarDate } from '../dates/calendar';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { CrmRecord, UpdateInput } from '../hubspot/types';
import { CONTRACT_PROPERTIES as C, CUSTOMER_STATUS_PROPERTIES as S, GATE_PROPERTIES as G } from '../model/well-known-properties';

export interface Rollup {
  nextRenewalDate: CalendarDate | null;
  engagements: number;
}

const ENGAGED = new Set(['passed', 'overridden']);

/** Pure: the earliest renewal among active contracts, and the deals that passed the gate. */
export function computeRollup(contracts: CrmRecord[], deals: CrmRecord[]): Rollup {
  const renewals = contracts
    .filter((c) => c.properties[C.status] === 'active' || c.properties[C.status] === 'renewing')
    .flatMap((c) => parseHubSpotDate(c.properties[C.renewalDate]) ?? [])
    .sort();
  return {
    nextRenewalDate: renewals[0] ?? null,
    engagements: deals.filter((d) => ENGAGED.has(d.properties[G.status] ?? '')).length,
  };
}

/**
 * Recomputes the roll-up on each company's Customer Status, in batch calls, writing only what
 * changed. Companies without a Customer Status are left alone (it is created on the first close).
 */
export async function refreshRollups(
  companyIds: string[],
  deps: { gateway: CrmGateway; types: Pick<PortalTypes, 'contract' | 'customerStatus'> },
): Promise<number> {
  const ids = [...new Set(companyIds)];
  if (!ids.length) return 0;
  const { gateway, types } = deps;
  const [statusLinks, contractLinks, dealLinks] = await Promise.all([
    gateway.associationsOf('companies', types.customerStatus, ids),
    gateway.associationsOf('companies', types.contract, ids),
    gateway.associationsOf('companies', 'deals', ids),
  ]);
  const all = (links: Map<string, Array<{ id: string }>>) => [...new Set([...links.values()].flat().map((l) => l.id))];
  const statusIds = ids.flatMap((id) => statusLinks.get(id)?.[0]?.id ?? []);
  if (!statusIds.length) return 0;
  const [statuses, contracts, deals] = await Promise.all([
    gateway.readMany(types.customerStatus, statusIds, [S.nextRenewal, S.engagements]),
    all(contractLinks).length ? gateway.readMany(types.contract, all(contractLinks), [C.status, C.renewalDate]) : new Map<string, CrmRecord>(),
    all(dealLinks).length ? gateway.readMany('deals', all(dealLinks), [G.status]) : new Map<string, CrmRecord>(),
  ]);
  const pick = (links: Array<{ id: string }> | undefined, records: Map<string, CrmRecord>) => (links ?? []).flatMap((l) => records.get(l.id) ?? []);
  const updates: UpdateInput[] = [];
  for (const id of ids) {
    const statusId = statusLinks.get(id)?.[0]?.id;
    const status = statusId ? statuses.get(statusId) : undefined;
    if (!status) continue;
    const r = computeRollup(pick(contractLinks.get(id), contracts), pick(dealLinks.get(id), deals));
    const next = r.nextRenewalDate ?? '';
    const count = String(r.engagements);
    if ((parseHubSpotDate(status.properties[S.nextRenewal]) ?? '') !== next || String(Number(status.properties[S.engagements] ?? 0)) !== count) {
      updates.push({ id: status.id, properties: { [S.nextRenewal]: next, [S.engagements]: count } });
    }
  }
  if (updates.length) await gateway.updateMany(types.customerStatus, updates);
  return updates.length;
}
