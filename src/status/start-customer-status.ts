import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import { CUSTOMER_STATUS_PROPERTIES as S } from '../model/well-known-properties';

export interface StartStatusDeps {
  gateway: CrmGateway;
  types: Pick<PortalTypes, 'customerStatus' | 'customerStatusToCompany'>;
}

/**
 * The first passed gate for a company starts its Customer Status as onboarding. Companies that
 * already have one are left alone: later moves belong to the status transitions.
 * Returns the ids of the companies whose status was created.
 */
export async function startCustomerStatuses(dealIds: string[], deps: StartStatusDeps, now: Date): Promise<string[]> {
  const { gateway, types } = deps;
  const dealCompanies = await gateway.associationsOf('deals', 'companies', dealIds);
  const companyIds = [...new Set([...dealCompanies.values()].map((links) => links[0]?.id).filter((id): id is string => !!id))];
  if (!companyIds.length) return [];
  const existing = await gateway.associationsOf('companies', types.customerStatus, companyIds);
  const without = companyIds.filter((id) => !(existing.get(id) ?? []).length);
  if (!without.length) return [];
  const companies = await gateway.readMany('companies', without, ['name', 'hubspot_owner_id']);
  const inputs = without.map((id) => {
    const c = companies.get(id);
    return {
      properties: {
        [S.title]: c?.properties.name || `Company ${id}`,
        [S.status]: 'onboarding',
        [S.reason]: 'First engagement passed the close gate.',
        [S.changedAt]: now.toISOString(),
        ...(c?.properties.hubspot_owner_id ? { hubspot_owner_id: c.properties.hubspot_owner_id } : {}),
      },
      associations: [{ toId: id, typeId: types.customerStatusToCompany }],
    };
  });
  await gateway.createMany(types.customerStatus, inputs);
  return without;
}
