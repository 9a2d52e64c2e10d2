import type { FindCreated } from '../hubspot/create-once';
import type { CrmGateway } from '../hubspot/crm-gateway';

/** A company has one Customer Status record: its key is the company. */
export const customerStatusKey = (companyId: string) => `customer-status:${companyId}`;

/** Finds the statuses a failed create may have made: the record now associated with each company. */
export function findCreatedStatuses(gateway: CrmGateway, statusType: string, companyIds: string[]): FindCreated {
  const companyOf = new Map(companyIds.map((id) => [customerStatusKey(id), id]));
  return async (keys) => {
    const links = await gateway.associationsOf(
      'companies',
      statusType,
      keys.map((k) => companyOf.get(k)!),
    );
    return new Map(
      keys.flatMap((k) => {
        const id = links.get(companyOf.get(k)!)?.[0]?.id;
        return id ? [[k, id] as const] : [];
      }),
    );
  };
}
