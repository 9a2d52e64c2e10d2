import { parseHubSpotDate, type CalendarDate } from '../dates/calendar';
import type { CrmRecord } from '../hubspot/types';
import { CONTRACT_PROPERTIES as C, GATE_PROPERTIES as G, OPEN_CONTRACT_STATUSES } from '../model/well-known-properties';

export interface Rollup {
  nextRenewalDate: CalendarDate | null;
  engagements: number;
}

const ENGAGED = new Set(['passed', 'overridden']);

/** Pure: the earliest renewal among active contracts, and the deals that passed the gate. */
export function computeRollup(contracts: CrmRecord[], deals: CrmRecord[]): Rollup {
  const renewals = contracts
    .filter((c) => OPEN_CONTRACT_STATUSES.includes(c.properties[C.status] ?? ''))
    .flatMap((c) => parseHubSpotDate(c.properties[C.renewalDate]) ?? [])
    .sort();
  return {
    nextRenewalDate: renewals[0] ?? null,
    engagements: deals.filter((d) => ENGAGED.has(d.properties[G.status] ?? '')).length,
  };
}
