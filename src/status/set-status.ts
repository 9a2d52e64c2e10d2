import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import { CUSTOMER_STATUS_PROPERTIES as S } from '../model/well-known-properties';
import { customerStatusKey, findCreatedStatuses } from './find-created-status';
import { currentState } from './status-service';
import { transition, type TransitionResult } from './transitions';

/**
 * A manual move of a company's Customer Status (any state to any other, with a reason), creating
 * the record on demand. Validation is `transition`'s: an unknown state or a missing reason throws
 * before anything is written.
 */
export async function setCustomerStatus(
  deps: { gateway: CrmGateway; types: Pick<PortalTypes, 'customerStatus' | 'customerStatusToCompany'>; appId?: string },
  companyId: string,
  target: string,
  reason: string | undefined,
  now: Date,
): Promise<TransitionResult & { recordId?: string }> {
  const { gateway, types } = deps;
  const company = (await gateway.readMany('companies', [companyId], ['name', 'hubspot_owner_id'])).get(companyId);
  if (!company) throw new Error(`Company ${companyId} was not found in the portal.`);
  const link = (await gateway.associationsOf('companies', types.customerStatus, [companyId])).get(companyId)?.[0];
  const record = link ? (await gateway.readMany(types.customerStatus, [link.id], Object.values(S), [S.status])).get(link.id) : undefined;
  const result = transition(record ? currentState(record, deps.appId) : undefined, { manual: target }, reason, now);
  if (!result.changed) return { ...result, ...(record ? { recordId: record.id } : {}) };
  const properties = { [S.status]: result.next.status, [S.reason]: result.next.reason, [S.changedAt]: result.next.changedAt, [S.setBy]: 'user' };
  if (record) {
    await gateway.update(types.customerStatus, record.id, properties);
    return { ...result, recordId: record.id };
  }
  const created = await gateway.create(
    types.customerStatus,
    {
      key: customerStatusKey(companyId),
      properties: {
        [S.title]: company.properties.name || `Company ${companyId}`,
        ...properties,
        ...(company.properties.hubspot_owner_id ? { hubspot_owner_id: company.properties.hubspot_owner_id } : {}),
      },
      associations: [{ toId: companyId, ...types.customerStatusToCompany }],
    },
    findCreatedStatuses(gateway, types.customerStatus, [companyId]),
  );
  return { ...result, recordId: created };
}
