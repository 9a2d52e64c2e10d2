import { provisionWith, standInConfig } from '../../scripts/lib/stack';
import { CrmGateway } from '../../src/hubspot/crm-gateway';
import { discoverPortalTypes } from '../../src/hubspot/object-types';
import { loadModel } from '../../src/model';
import { CUSTOMER_STATUS_PROPERTIES as S } from '../../src/model/well-known-properties';
import { namesOf } from '../../scripts/lib/seed';
import { startHarness, type Harness } from '../helpers/stand-in-harness';

/**
 * HubSpot's examples associate custom objects with USER_DEFINED and the schema's unlabelled type
 * id. Discovery used to take only HUBSPOT_DEFINED types (so a portal filing them USER_DEFINED
 * looked unprovisioned) and creates sent HUBSPOT_DEFINED whatever the type was.
 */

const model = loadModel('schemas');
const names = namesOf(model);

async function provisioned(category: 'USER_DEFINED' | 'HUBSPOT_DEFINED'): Promise<{ h: Harness; gateway: CrmGateway }> {
  const h = await startHarness({ customObjectAssociationCategory: category });
  await provisionWith(standInConfig(h.sandbox), model);
  return { h, gateway: new CrmGateway(h.client, { retry: { retries: 0, baseMs: 1 } }) };
}

describe.each(['USER_DEFINED', 'HUBSPOT_DEFINED'] as const)('custom-object default associations filed %s', (category) => {
  let h: Harness;
  let gateway: CrmGateway;
  beforeAll(async () => ({ h, gateway } = await provisioned(category)));
  afterAll(async () => h.sandbox.stop());

  it('discovery takes the unlabelled type and the category the labels API gives it', async () => {
    const types = await discoverPortalTypes(gateway, { scope: names.scope, contract: names.contract, customerStatus: names.customerStatus });
    expect(types.customerStatusToCompany.category).toBe(category);
    expect(types.taskToContract?.category).toBe(category);
    const labels = await gateway.associationLabels(types.customerStatus, 'companies');
    expect(labels).toContainEqual({ typeId: types.customerStatusToCompany.typeId, label: null, category });
  });

  it('a record created with that type is associated (HubSpot refuses a type sent with the wrong category)', async () => {
    const types = await discoverPortalTypes(gateway, { scope: names.scope, contract: names.contract, customerStatus: names.customerStatus });
    const companyId = h.sandbox.createObject('companies', { name: 'Acme' }).id;
    const statusId = await gateway.create(
      types.customerStatus,
      { key: `status-of-${companyId}`, properties: { [S.title]: 'Acme' }, associations: [{ toId: companyId, ...types.customerStatusToCompany }] },
      async () => new Map(),
    );
    const links = await gateway.associationsOf('companies', types.customerStatus, [companyId]);
    expect(links.get(companyId)?.map((l) => l.id)).toEqual([statusId]);
  });
});
