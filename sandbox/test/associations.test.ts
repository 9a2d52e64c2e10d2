import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { apiError, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.stop());
beforeEach(() => h.sandbox.reset());

const HUBSPOT = AssociationSpecAssociationCategoryEnum.HubspotDefined;
const USER = AssociationSpecAssociationCategoryEnum.UserDefined;

async function dealAndCompany() {
  const deal = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'D' }, associations: [] });
  const company = await h.client.crm.companies.basicApi.create({ properties: { name: 'C' }, associations: [] });
  return { dealId: deal.id, companyId: company.id };
}

describe('association labels (v4 definitions)', () => {
  it('lists HubSpot-defined types with the user-defined ones', async () => {
    const dc = await h.client.crm.associations.v4.schema.definitionsApi.getAll('deals', 'companies');
    expect(dc.results).toEqual(
      expect.arrayContaining([
        { category: 'HUBSPOT_DEFINED', typeId: 341, label: null },
        { category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' },
      ]),
    );
    const td = await h.client.crm.associations.v4.schema.definitionsApi.getAll('tasks', 'deals');
    expect(td.results).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 216, label: null }]);
    const tc = await h.client.crm.associations.v4.schema.definitionsApi.getAll('0-27', '0-2');
    expect(tc.results[0]?.typeId).toBe(192);
    const nd = await h.client.crm.associations.v4.schema.definitionsApi.getAll('notes', 'deal');
    expect(nd.results[0]?.typeId).toBe(214);
  });

  it('creates (200 with both type ids), renames (204) and deletes (204) a label', async () => {
    const created = await h.client.crm.associations.v4.schema.definitionsApi.create('deals', 'companies', {
      label: 'Reseller',
      name: 'reseller',
      inverseLabel: 'Resold deal',
    });
    expect(created.results).toHaveLength(2);
    const [forward, inverse] = created.results;
    expect(forward).toMatchObject({ category: 'USER_DEFINED', label: 'Reseller' });
    expect(inverse).toMatchObject({ category: 'USER_DEFINED', label: 'Resold deal' });
    const listed = await h.client.crm.associations.v4.schema.definitionsApi.getAll('deals', 'companies');
    expect(listed.results).toEqual(expect.arrayContaining([{ category: 'USER_DEFINED', typeId: forward?.typeId, label: 'Reseller' }]));
    const back = await h.client.crm.associations.v4.schema.definitionsApi.getAll('companies', 'deals');
    expect(back.results).toEqual(expect.arrayContaining([{ category: 'USER_DEFINED', typeId: inverse?.typeId, label: 'Resold deal' }]));

    await h.client.crm.associations.v4.schema.definitionsApi.update('deals', 'companies', { associationTypeId: forward?.typeId ?? 0, label: 'Partner' });
    const renamed = await h.client.crm.associations.v4.schema.definitionsApi.getAll('deals', 'companies');
    expect(renamed.results.find((t) => t.typeId === forward?.typeId)?.label).toBe('Partner');

    await h.client.crm.associations.v4.schema.definitionsApi.remove('deals', 'companies', forward?.typeId ?? 0);
    const after = await h.client.crm.associations.v4.schema.definitionsApi.getAll('deals', 'companies');
    expect(after.results.some((t) => t.category === 'USER_DEFINED')).toBe(false);
    expect((await apiError(h.client.crm.associations.v4.schema.definitionsApi.remove('deals', 'companies', 341))).code).toBe(400);
  });
});

describe('associations (v4)', () => {
  it('PUT with types answers 201 LabelsBetweenObjectPair; storing A→B makes B→A readable', async () => {
    const { dealId, companyId } = await dealAndCompany();
    const label = (await h.client.crm.associations.v4.schema.definitionsApi.create('deals', 'companies', { label: 'Approved', name: 'approved' })).results[0];
    const pairOut = await h.client.crm.associations.v4.basicApi.create('deals', dealId, 'companies', companyId, [
      { associationCategory: USER, associationTypeId: label?.typeId ?? 0 },
    ]);
    expect(pairOut).toMatchObject({ fromObjectTypeId: '0-3', toObjectTypeId: '0-2', labels: ['Approved'] });
    expect(String(pairOut.fromObjectId)).toBe(dealId);

    const back = await h.client.crm.associations.v4.batchApi.getPage('companies', 'deals', { inputs: [{ id: companyId }] });
    expect(back.results).toHaveLength(1);
    const types = back.results[0]?.to[0]?.associationTypes ?? [];
    expect(types).toEqual(expect.arrayContaining([{ category: 'HUBSPOT_DEFINED', typeId: 342, label: null }]));
    expect(types.some((t) => t.category === 'USER_DEFINED' && t.label === 'Approved')).toBe(true);
    expect(back.results[0]?.to[0]?.toObjectId).toBe(Number(dealId));
  });

  it('PUT default answers 200 with the default type', async () => {
    const { dealId, companyId } = await dealAndCompany();
    const res = await h.client.crm.associations.v4.basicApi.createDefault('deals', dealId, 'companies', companyId);
    expect(res.status).toBe('COMPLETE');
    expect(res.results[0]?.associationSpec).toEqual({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 });
    const page = await h.client.crm.associations.v4.basicApi.getPage('deals', dealId, 'companies');
    expect(page.results.map((r) => String(r.toObjectId))).toEqual([companyId]);
  });

  it('rejects a type id from another pair and unknown records', async () => {
    const { dealId, companyId } = await dealAndCompany();
    const err = await apiError(
      h.client.crm.associations.v4.basicApi.create('deals', dealId, 'companies', companyId, [{ associationCategory: HUBSPOT, associationTypeId: 216 }]),
    );
    expect(err.code).toBe(400);
    expect(
      (
        await apiError(
          h.client.crm.associations.v4.basicApi.create('deals', '999', 'companies', companyId, [{ associationCategory: HUBSPOT, associationTypeId: 341 }]),
        )
      ).code,
    ).toBe(404);
  });

  it('batch create (201) and batch read: ids without associations → 207 with errors', async () => {
    const { dealId, companyId } = await dealAndCompany();
    const lonely = (await h.client.crm.deals.basicApi.create({ properties: { dealname: 'lonely' }, associations: [] })).id;
    const created = await h.client.crm.associations.v4.batchApi.create('deals', 'companies', {
      inputs: [{ _from: { id: dealId }, to: { id: companyId }, types: [{ associationCategory: HUBSPOT, associationTypeId: 341 }] }],
    });
    expect(created.status).toBe('COMPLETE');
    expect(created.results).toHaveLength(1);

    const read = await h.client.crm.associations.v4.batchApi.getPage('deals', 'companies', { inputs: [{ id: dealId }, { id: lonely }] });
    expect(read.results).toEqual([
      expect.objectContaining({ _from: expect.objectContaining({ id: dealId }), to: [expect.objectContaining({ toObjectId: Number(companyId) })] }),
    ]);
    expect('errors' in read).toBe(true);
    if ('errors' in read) {
      expect(read.numErrors).toBe(1);
      expect(read.errors?.[0]?.context).toEqual({ fromObjectId: [lonely] });
    }
    const all = await h.client.crm.associations.v4.batchApi.getPage('deals', 'companies', { inputs: [{ id: dealId }] });
    expect('errors' in all).toBe(false);
  });

  it('objects created with inline associations are associated (tasks, notes)', async () => {
    const { dealId, companyId } = await dealAndCompany();
    const task = await h.client.crm.objects.tasks.basicApi.create({
      properties: { hs_timestamp: '2026-01-10T09:00:00Z', hs_task_subject: 'Fill the scope', hs_task_status: 'NOT_STARTED', hs_task_priority: 'HIGH' },
      associations: [
        { to: { id: dealId }, types: [{ associationCategory: HUBSPOT, associationTypeId: 216 }] },
        { to: { id: companyId }, types: [{ associationCategory: HUBSPOT, associationTypeId: 192 }] },
      ],
    });
    const note = await h.client.crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: String(Date.UTC(2026, 0, 10)), hs_note_body: 'Override: CEO approved' },
      associations: [{ to: { id: dealId }, types: [{ associationCategory: HUBSPOT, associationTypeId: 214 }] }],
    });
    const tasks = await h.client.crm.associations.v4.batchApi.getPage('deals', 'tasks', { inputs: [{ id: dealId }] });
    expect(tasks.results[0]?.to.map((t) => String(t.toObjectId))).toEqual([task.id]);
    expect(tasks.results[0]?.to[0]?.associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 215, label: null }]);
    const withAssoc = await h.client.crm.deals.basicApi.getById(dealId, undefined, undefined, ['notes', 'tasks', 'company']);
    expect(withAssoc.associations?.['notes']?.results).toEqual([{ id: note.id, type: 'deal_to_note' }]);
    expect(withAssoc.associations?.['tasks']?.results).toEqual([{ id: task.id, type: 'deal_to_task' }]);
    expect(withAssoc.associations?.['companies']).toBeUndefined();
    const bad = await apiError(
      h.client.crm.objects.tasks.basicApi.create({
        properties: { hs_timestamp: '2026-01-10T09:00:00Z' },
        associations: [{ to: { id: '404' }, types: [{ associationCategory: HUBSPOT, associationTypeId: 216 }] }],
      }),
    );
    expect(bad.code).toBe(400);
  });

  it('removing associations (DELETE, batch archive) works both ways', async () => {
    const { dealId, companyId } = await dealAndCompany();
    await h.client.crm.associations.v4.basicApi.createDefault('deals', dealId, 'companies', companyId);
    await h.client.crm.associations.v4.basicApi.archive('companies', companyId, 'deals', dealId);
    const read = await h.client.crm.associations.v4.batchApi.getPage('deals', 'companies', { inputs: [{ id: dealId }] });
    expect(read.results).toEqual([]);
    await h.client.crm.associations.v4.basicApi.createDefault('deals', dealId, 'companies', companyId);
    await h.client.crm.associations.v4.batchApi.archive('deals', 'companies', { inputs: [{ _from: { id: dealId }, to: [{ id: companyId }] }] });
    expect((await h.client.crm.associations.v4.basicApi.getPage('companies', companyId, 'deals')).results).toEqual([]);
  });
});
