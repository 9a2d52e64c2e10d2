import type { CrmGateway } from '../../src/hubspot/crm-gateway';
import { HubSpotError } from '../../src/hubspot/errors';
import { discoverPortalTypes } from '../../src/hubspot/object-types';
import type { AssociationLabel } from '../../src/hubspot/types';

/**
 * The runtime caches the portal's types for its whole life. A HubSpot hiccup while reading the
 * task↔contract association used to be cached as "this portal has none": renewal tasks were then
 * made without their contract link, which is how a re-run finds a task after a crash. A failure
 * that may pass must fail the discovery (it is retried on next use); only a refusal means absent.
 */

const names = { scope: 'delivery_scope', contract: 'service_contract', customerStatus: 'customer_status' };
const defaultLabel: AssociationLabel[] = [{ typeId: 77, label: null, category: 'HUBSPOT_DEFINED' }];

function gatewayWhere(taskToContract: () => Promise<AssociationLabel[]>): CrmGateway {
  return {
    customObjectTypes: async () => [
      { name: 'delivery_scope', objectTypeId: '2-1', fullyQualifiedName: 'p1_delivery_scope' },
      { name: 'service_contract', objectTypeId: '2-2', fullyQualifiedName: 'p1_service_contract' },
      { name: 'customer_status', objectTypeId: '2-3', fullyQualifiedName: 'p1_customer_status' },
    ],
    associationLabels: async (from: string, to: string) => (from === 'tasks' && to === '2-2' ? taskToContract() : defaultLabel),
  } as unknown as CrmGateway;
}

const failing = (status: number) => async (): Promise<AssociationLabel[]> => {
  throw new HubSpotError(status, `HubSpot failed with ${status}`, undefined, {}, 'read association labels tasks→2-2');
};

it('a 503, 429 or unreachable HubSpot fails discovery instead of being cached as "no association"', async () => {
  for (const status of [503, 429, 0]) {
    await expect(discoverPortalTypes(gatewayWhere(failing(status)), names)).rejects.toMatchObject({ status });
  }
});

it('a refusal (404/400) or no definition means the portal has no task↔contract association', async () => {
  for (const status of [404, 400]) {
    await expect(discoverPortalTypes(gatewayWhere(failing(status)), names)).resolves.toMatchObject({ taskToContract: undefined });
  }
  await expect(
    discoverPortalTypes(
      gatewayWhere(async () => []),
      names,
    ),
  ).resolves.toMatchObject({ taskToContract: undefined });
  await expect(
    discoverPortalTypes(
      gatewayWhere(async () => defaultLabel),
      names,
    ),
  ).resolves.toMatchObject({
    taskToContract: { typeId: 77, category: 'HUBSPOT_DEFINED' },
    customerStatusToCompany: { typeId: 77, category: 'HUBSPOT_DEFINED' },
  });
});
