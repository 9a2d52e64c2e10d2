import { parseHubSpotDate, type CalendarDate } from '../dates/calendar';
import type { CrmRecord } from '../hubspot/types';
import { CONTRACT_PROPERTIES as C, GATE_PROPERTIES as G } from '../model/well-known-properties';

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

