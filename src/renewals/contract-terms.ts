import { parseHubSpotDate } from '../dates/calendar';
import type { CrmRecord } from '../hubspot/types';
import { CONTRACT_PROPERTIES as C } from '../model/well-known-properties';
import type { ContractTerms } from './schedule';
import type { RenewalTaskContext } from './task-content';

const num = (v: string | null | undefined) => {
  const n = Number(v);
  return v !== null && v !== undefined && v.trim() !== '' && Number.isFinite(n) ? n : undefined;
};

/** The terms the schedule needs; undefined when the contract has no usable renewal date. */
export function toContractTerms(record: CrmRecord): ContractTerms | undefined {
  const renewalDate = parseHubSpotDate(record.properties[C.renewalDate]);
  if (!renewalDate) return undefined;
  return {
    id: record.id,
    renewalDate,
    autoRenew: record.properties[C.autoRenew] === 'true',
    noticeDays: num(record.properties[C.noticeDays]),
  };
}

export function taskContextOf(record: CrmRecord, companyName: string | undefined): RenewalTaskContext {
  return {
    contractName: record.properties[C.name] || `Contract ${record.id}`,
    companyName,
    value: num(record.properties[C.value]),
    autoRenew: record.properties[C.autoRenew] === 'true',
    termMonths: num(record.properties[C.termMonths]),
  };
}

export const CONTRACT_SCAN_PROPERTIES = [...Object.values(C), 'hubspot_owner_id'];

export { OPEN_CONTRACT_STATUSES } from '../model/well-known-properties';
