import type { CrmGateway } from '../hubspot/crm-gateway';

export interface ContractLinks {
  companyId: string | undefined;
  companyName: string | undefined;
  companyOwnerId: string | undefined;
  dealId: string | undefined;
}

/** Company (with name and owner) and deal of each contract, in three batch calls per 100. */
export async function loadContractLinks(gateway: CrmGateway, contractType: string, contractIds: string[]): Promise<Map<string, ContractLinks>> {
  const out = new Map<string, ContractLinks>();
  if (!contractIds.length) return out;
  const [companies, deals] = await Promise.all([
    gateway.associationsOf(contractType, 'companies', contractIds),
    gateway.associationsOf(contractType, 'deals', contractIds),
  ]);
  const companyIds = [...new Set([...companies.values()].flatMap((l) => (l[0] ? [l[0].id] : [])))];
  const records = companyIds.length ? await gateway.readMany('companies', companyIds, ['name', 'hubspot_owner_id']) : new Map();
  for (const id of contractIds) {
    const companyId = companies.get(id)?.[0]?.id;
    const company = companyId ? records.get(companyId) : undefined;
    out.set(id, {
      companyId,
      companyName: company?.properties.name || undefined,
      companyOwnerId: company?.properties.hubspot_owner_id || undefined,
      dealId: deals.get(id)?.[0]?.id,
    });
  }
  return out;
}
