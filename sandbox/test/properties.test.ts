import type { PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties';
import { apiError, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.stop());
beforeEach(() => h.sandbox.reset());

const prop = (name: string, extra: Partial<PropertyCreate> = {}): PropertyCreate =>
  ({ name, label: name, type: 'string', fieldType: 'text', groupName: 'dealinformation', ...extra }) as PropertyCreate;

describe('properties', () => {
  it("deals come with HubSpot's default properties, under every spelling of the type", async () => {
    for (const type of ['deals', 'deal', '0-3']) {
      const all = await h.client.crm.properties.coreApi.getAll(type);
      const names = all.results.map((p) => p.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'dealname',
          'dealstage',
          'pipeline',
          'amount',
          'closedate',
          'hubspot_owner_id',
          'createdate',
          'hs_lastmodifieddate',
          'hs_object_id',
        ]),
      );
    }
    const companies = await h.client.crm.properties.coreApi.getAll('companies');
    expect(companies.results.map((p) => p.name)).toEqual(expect.arrayContaining(['name', 'domain']));
    const stage = await h.client.crm.properties.coreApi.getByName('deals', 'dealstage');
    expect(stage.type).toBe('enumeration');
    expect(stage.options.map((o) => o.value)).toEqual(expect.arrayContaining(['closedwon', 'svc_signed']));
    expect(stage.hubspotDefined).toBe(true);
    const tasks = await h.client.crm.properties.coreApi.getByName('0-27', 'hs_task_status');
    expect(tasks.options.map((o) => o.value)).toEqual(['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']);
  });

  it('creates (201), reads and updates a property; 409 when it exists', async () => {
    const created = await h.client.crm.properties.coreApi.create(
      'deals',
      prop('business_problem', { type: 'string', fieldType: 'textarea' } as Partial<PropertyCreate>),
    );
    expect(created).toMatchObject({ name: 'business_problem', type: 'string', fieldType: 'textarea', groupName: 'dealinformation', hubspotDefined: false });
    expect(created.createdAt).toBeInstanceOf(Date);
    const updated = await h.client.crm.properties.coreApi.update('deal', 'business_problem', { label: 'Business problem' });
    expect(updated.label).toBe('Business problem');
    await expect(h.client.crm.properties.coreApi.getByName('0-3', 'business_problem')).resolves.toMatchObject({ label: 'Business problem' });
    const dup = await apiError(h.client.crm.properties.coreApi.create('deals', prop('business_problem')));
    expect(dup.code).toBe(409);
    expect(dup.body['status']).toBe('error');
    expect((await apiError(h.client.crm.properties.coreApi.getByName('deals', 'nope'))).code).toBe(404);
  });

  it('400 for an unknown group, a bad type/fieldType pair or a bad name', async () => {
    for (const bad of [
      prop('a_prop', { groupName: 'no_such_group' }),
      prop('b_prop', { type: 'number', fieldType: 'text' } as Partial<PropertyCreate>),
      prop('c_prop', { type: 'money' as never }),
      prop('Bad-Name'),
      prop('d_prop', { type: 'enumeration', fieldType: 'select', options: [] } as Partial<PropertyCreate>),
    ]) {
      const err = await apiError(h.client.crm.properties.coreApi.create('deals', bad));
      expect(err.code).toBe(400);
      expect(err.body['category']).toBe('VALIDATION_ERROR');
    }
  });

  it('groups: create (201), list, update (200); 409 on duplicates', async () => {
    const group = await h.client.crm.properties.groupsApi.create('deals', { name: 'delivery_handoff', label: 'Delivery handoff', displayOrder: 3 });
    expect(group).toMatchObject({ name: 'delivery_handoff', label: 'Delivery handoff', displayOrder: 3, archived: false });
    const all = await h.client.crm.properties.groupsApi.getAll('deals');
    expect(all.results.map((g) => g.name)).toEqual(expect.arrayContaining(['dealinformation', 'delivery_handoff']));
    const updated = await h.client.crm.properties.groupsApi.update('deals', 'delivery_handoff', { label: 'Handoff' });
    expect(updated.label).toBe('Handoff');
    expect((await apiError(h.client.crm.properties.groupsApi.create('deals', { name: 'delivery_handoff', label: 'x' }))).code).toBe(409);
    await h.client.crm.properties.coreApi.create('deals', prop('why_us', { groupName: 'delivery_handoff' }));
    expect((await h.client.crm.properties.coreApi.getByName('deals', 'why_us')).groupName).toBe('delivery_handoff');
  });

  it('archives a custom property and an empty group (204); HubSpot-defined ones stay', async () => {
    await h.client.crm.properties.groupsApi.create('companies', { name: 'customer_status', label: 'Customer status' });
    await h.client.crm.properties.coreApi.create('companies', prop('status_reason', { groupName: 'customer_status' }));
    expect((await apiError(h.client.crm.properties.groupsApi.archive('companies', 'customer_status'))).code).toBe(400);
    await h.client.crm.properties.coreApi.archive('companies', 'status_reason');
    await h.client.crm.properties.groupsApi.archive('companies', 'customer_status');
    expect((await apiError(h.client.crm.properties.coreApi.getByName('companies', 'status_reason'))).code).toBe(404);
    const archived = await h.client.crm.properties.coreApi.getAll('companies', true);
    expect(archived.results.map((p) => p.name)).toEqual(['status_reason']);
    expect((await apiError(h.client.crm.properties.coreApi.archive('companies', 'name'))).code).toBe(400);
  });

  it('batch create answers 201, or 207 when some inputs fail', async () => {
    const ok = await h.client.crm.properties.batchApi.create('deals', { inputs: [prop('p_one'), prop('p_two')] });
    expect(ok.status).toBe('COMPLETE');
    expect(ok.results.map((p) => p.name).sort()).toEqual(['p_one', 'p_two']);
    const partial = await h.client.crm.properties.batchApi.create('deals', { inputs: [prop('p_one'), prop('p_three')] });
    expect(partial.results.map((p) => p.name)).toEqual(['p_three']);
    expect('errors' in partial && partial.errors?.length).toBe(1);
  });

  it('batch read answers 200, or 207 naming missing properties', async () => {
    const ok = await h.client.crm.properties.batchApi.read('deals', { archived: false, inputs: [{ name: 'dealname' }, { name: 'amount' }] });
    expect(ok.results.map((p) => p.name).sort()).toEqual(['amount', 'dealname']);
    const partial = await h.client.crm.properties.batchApi.read('deals', { archived: false, inputs: [{ name: 'dealname' }, { name: 'ghost' }] });
    expect(partial.results).toHaveLength(1);
    expect('errors' in partial ? partial.errors?.[0]?.context : undefined).toEqual({ name: ['ghost'] });
  });

  it('custom properties are writable on records, options enforced', async () => {
    await h.client.crm.properties.coreApi.create(
      'deals',
      prop('gate_status', {
        type: 'enumeration',
        fieldType: 'select',
        options: [
          { label: 'Passed', value: 'passed', displayOrder: 0, hidden: false },
          { label: 'Blocked', value: 'blocked', displayOrder: 1, hidden: false },
        ],
      } as Partial<PropertyCreate>),
    );
    const deal = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'x', gate_status: 'blocked' }, associations: [] });
    expect(deal.properties['gate_status']).toBe('blocked');
    const err = await apiError(h.client.crm.deals.basicApi.update(deal.id, { properties: { gate_status: 'maybe' } }));
    expect(err.code).toBe(400);
  });
});
