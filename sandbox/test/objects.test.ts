import { apiError, startHarness, userClient, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ appId: '777' });
});
afterAll(() => h.sandbox.stop());
beforeEach(() => h.sandbox.reset());

describe('objects: create, read, update, delete', () => {
  it('creates a deal (201) with numeric string id, defaults and string values', async () => {
    const deal = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'Acme', amount: '1200.50' }, associations: [] });
    expect(deal.id).toMatch(/^\d+$/);
    expect(deal.archived).toBe(false);
    expect(deal.createdAt).toBeInstanceOf(Date);
    expect(deal.properties).toMatchObject({
      dealname: 'Acme',
      amount: '1200.5',
      pipeline: 'default',
      dealstage: 'appointmentscheduled',
      hs_object_id: deal.id,
    });
    expect(typeof deal.properties['createdate']).toBe('string');
    expect(typeof deal.properties['hs_lastmodifieddate']).toBe('string');
  });

  it("returns only requested properties, else the type's defaults (null when unset)", async () => {
    const { id } = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'Acme', description: 'long' }, associations: [] });
    const some = await h.client.crm.deals.basicApi.getById(id, ['dealname', 'closedate', 'not_a_property']);
    expect(some.properties).toEqual({ dealname: 'Acme', closedate: null });
    const defaults = await h.client.crm.objects.basicApi.getById('0-3', id);
    expect(Object.keys(defaults.properties).sort()).toEqual([
      'amount',
      'closedate',
      'createdate',
      'dealname',
      'dealstage',
      'hs_lastmodifieddate',
      'hs_object_id',
      'pipeline',
    ]);
    expect(defaults.properties['amount']).toBeNull();
  });

  it('updates (200), keeps history newest first, app writes are INTEGRATION with the app id', async () => {
    h.sandbox.setNow('2026-01-01T00:00:00Z');
    const { id } = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'Acme' }, associations: [] });
    h.sandbox.advanceClock(60_000);
    const updated = await h.client.crm.deals.basicApi.update(id, { properties: { dealstage: 'qualifiedtobuy' } });
    expect(updated.properties['dealstage']).toBe('qualifiedtobuy');
    const withHistory = await h.client.crm.deals.basicApi.getById(id, ['dealstage'], ['dealstage']);
    const history = withHistory.propertiesWithHistory?.['dealstage'] ?? [];
    expect(history.map((v) => v.value)).toEqual(['qualifiedtobuy', 'appointmentscheduled']);
    expect(history[0]).toMatchObject({ sourceType: 'INTEGRATION', sourceId: '777' });
    expect(history[0]?.timestamp).toBeInstanceOf(Date);
    expect((history[0]?.timestamp.getTime() ?? 0) - (history[1]?.timestamp.getTime() ?? 0)).toBe(60_000);
  });

  it('a write acting as a user is recorded as CRM_UI with the user id', async () => {
    const { id } = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'Acme' }, associations: [] });
    await userClient(h.sandbox, 9100001).crm.deals.basicApi.update(id, { properties: { dealstage: 'closedwon' } });
    await userClient(h.sandbox, 9100002, 'IMPORT').crm.deals.basicApi.update(id, { properties: { amount: '5' } });
    const got = await h.client.crm.deals.basicApi.getById(id, ['dealstage'], ['dealstage', 'amount', 'hs_is_closed_won']);
    expect(got.propertiesWithHistory?.['dealstage']?.[0]).toMatchObject({
      value: 'closedwon',
      sourceType: 'CRM_UI',
      sourceId: 'userId:9100001',
      updatedByUserId: 9100001,
    });
    expect(got.propertiesWithHistory?.['amount']?.[0]).toMatchObject({ value: '5', sourceType: 'IMPORT', sourceId: 'userId:9100002' });
    expect(got.propertiesWithHistory?.['hs_is_closed_won']?.[0]?.value).toBe('true');
  });

  it('an unchanged value leaves no history', async () => {
    const { id } = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'Acme' }, associations: [] });
    await h.client.crm.deals.basicApi.update(id, { properties: { dealname: 'Acme' } });
    const got = await h.client.crm.deals.basicApi.getById(id, undefined, ['dealname']);
    expect(got.propertiesWithHistory?.['dealname']).toHaveLength(1);
  });

  it('deletes (204) and then 404s; deleting a missing id is still 204', async () => {
    const { id } = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'Acme' }, associations: [] });
    await h.client.crm.deals.basicApi.archive(id);
    expect((await apiError(h.client.crm.deals.basicApi.getById(id))).code).toBe(404);
    await expect(h.client.crm.deals.basicApi.archive('424242')).resolves.toBeUndefined();
  });

  it('lists a page with paging.next.after', async () => {
    for (let i = 0; i < 3; i++) await h.client.crm.companies.basicApi.create({ properties: { name: `C${i}` }, associations: [] });
    const first = await h.client.crm.companies.basicApi.getPage(2, undefined, ['name']);
    expect(first.results.map((c) => c.properties['name'])).toEqual(['C0', 'C1']);
    const second = await h.client.crm.companies.basicApi.getPage(2, first.paging?.next?.after, ['name']);
    expect(second.results.map((c) => c.properties['name'])).toEqual(['C2']);
    expect(second.paging).toBeUndefined();
  });

  it("tasks and notes are ordinary objects with HubSpot's properties", async () => {
    const task = await h.client.crm.objects.tasks.basicApi.create({
      properties: {
        hs_timestamp: String(Date.UTC(2026, 2, 1, 9)),
        hs_task_subject: 'Do it',
        hs_task_body: 'body',
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
        hs_task_type: 'TODO',
        hubspot_owner_id: '70000001',
      },
      associations: [],
    });
    expect(task.properties['hs_timestamp']).toBe('2026-03-01T09:00:00.000Z');
    const done = await h.client.crm.objects.tasks.basicApi.update(task.id, { properties: { hs_task_status: 'COMPLETED' } });
    expect(done.properties['hs_task_status']).toBe('COMPLETED');
    expect((await apiError(h.client.crm.objects.tasks.basicApi.update(task.id, { properties: { hs_task_status: 'DONE' } }))).code).toBe(400);
    expect((await apiError(h.client.crm.objects.tasks.basicApi.update(task.id, { properties: { hubspot_owner_id: '1' } }))).code).toBe(400);
    const note = await h.client.crm.objects.notes.basicApi.create({
      properties: { hs_note_body: 'hello', hs_timestamp: '2026-03-01T09:00:00Z' },
      associations: [],
    });
    const read = await h.client.crm.objects.notes.basicApi.getById(note.id, ['hs_note_body']);
    expect(read.properties['hs_note_body']).toBe('hello');
  });
});

describe('objects: validation like HubSpot', () => {
  it('400 VALIDATION_ERROR for an unknown property, naming it', async () => {
    const err = await apiError(h.client.crm.deals.basicApi.create({ properties: { dealname: 'x', no_such_prop: '1' }, associations: [] }));
    expect(err.code).toBe(400);
    expect(err.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(String(err.body['message'])).toMatch(/^Property values were not valid/);
    expect(err.body['errors']).toEqual([expect.objectContaining({ code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: ['no_such_prop'] } })]);
  });

  it('normalises and checks dates, datetimes, numbers, booleans and options', async () => {
    const midnight = String(Date.UTC(2026, 5, 30));
    const deal = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'x', closedate: midnight }, associations: [] });
    expect(deal.properties['closedate']).toBe('2026-06-30T00:00:00.000Z');
    await h.client.crm.properties.coreApi.create('deals', {
      name: 'go_live',
      label: 'Go live',
      type: 'date',
      fieldType: 'date',
      groupName: 'dealinformation',
    } as never);
    await h.client.crm.properties.coreApi.create('deals', {
      name: 'override',
      label: 'Override',
      type: 'bool',
      fieldType: 'booleancheckbox',
      groupName: 'dealinformation',
    } as never);
    const a = await h.client.crm.deals.basicApi.update(deal.id, { properties: { go_live: midnight, override: 'TRUE' } });
    expect(a.properties).toMatchObject({ go_live: '2026-06-30', override: 'true' });
    const b = await h.client.crm.deals.basicApi.update(deal.id, { properties: { go_live: '2026-07-01' } });
    expect(b.properties['go_live']).toBe('2026-07-01');
    const bads: Array<Record<string, string>> = [
      { go_live: String(Date.UTC(2026, 5, 30, 10)) },
      { amount: 'ten' },
      { override: 'yes' },
      { dealstage: 'nonsense' },
      { closedate: 'soon' },
    ];
    for (const bad of bads) {
      const err = await apiError(h.client.crm.deals.basicApi.update(deal.id, { properties: bad }));
      expect(err.code).toBe(400);
    }
  });

  it('deals default to the default pipeline and its first stage; stages must belong to the pipeline', async () => {
    const svc = await h.client.crm.deals.basicApi.create({ properties: { dealname: 's', pipeline: 'services' }, associations: [] });
    expect(svc.properties['dealstage']).toBe('svc_discovery');
    const won = await h.client.crm.deals.basicApi.update(svc.id, { properties: { dealstage: 'svc_signed' } });
    expect(won.properties).toMatchObject({ hs_is_closed: 'true', hs_is_closed_won: 'true' });
    expect((await apiError(h.client.crm.deals.basicApi.update(svc.id, { properties: { dealstage: 'closedwon' } }))).code).toBe(400);
    expect((await apiError(h.client.crm.deals.basicApi.update(svc.id, { properties: { pipeline: 'default' } }))).code).toBe(400);
    const moved = await h.client.crm.deals.basicApi.update(svc.id, { properties: { pipeline: 'default', dealstage: 'closedlost' } });
    expect(moved.properties).toMatchObject({ pipeline: 'default', dealstage: 'closedlost', hs_is_closed: 'true', hs_is_closed_won: 'false' });
  });

  it('read-only properties cannot be written', async () => {
    const err = await apiError(h.client.crm.deals.basicApi.create({ properties: { hs_object_id: '5' }, associations: [] }));
    expect(err.code).toBe(400);
    expect(err.body['errors']).toEqual([expect.objectContaining({ code: 'READ_ONLY_VALUE' })]);
  });
});

describe('objects: batch', () => {
  it('batch create answers 201; a bad input fails the whole batch with 400', async () => {
    const res = await h.client.crm.deals.batchApi.create({
      inputs: [
        { properties: { dealname: 'a' }, associations: [] },
        { properties: { dealname: 'b' }, associations: [] },
      ],
    });
    expect(res.status).toBe('COMPLETE');
    expect(res.results.map((d) => d.properties['dealname']).sort()).toEqual(['a', 'b']);
    const err = await apiError(
      h.client.crm.deals.batchApi.create({
        inputs: [
          { properties: { dealname: 'c' }, associations: [] },
          { properties: { amount: 'x' }, associations: [] },
        ],
      }),
    );
    expect(err.code).toBe(400);
    expect(h.sandbox.listObjects('deals')).toHaveLength(2);
  });

  it('batch read: 200, or 207 with the missing ids; properties and history as asked', async () => {
    const a = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'a' }, associations: [] });
    const b = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'b' }, associations: [] });
    const ok = await h.client.crm.deals.batchApi.read({ inputs: [{ id: a.id }, { id: b.id }], properties: ['dealname'], propertiesWithHistory: ['dealstage'] });
    // Results come in no promised order (the stand-in reverses them by default).
    expect(ok.results.map((d) => d.properties).sort((x, y) => String(x.dealname).localeCompare(String(y.dealname)))).toEqual([
      { dealname: 'a' },
      { dealname: 'b' },
    ]);
    expect(ok.results.map((d) => d.propertiesWithHistory?.['dealstage']?.[0]?.value)).toEqual(['appointmentscheduled', 'appointmentscheduled']);
    const partial = await h.client.crm.objects.batchApi.read('deals', {
      inputs: [{ id: a.id }, { id: '1' }],
      properties: ['dealname'],
      propertiesWithHistory: [],
    });
    expect(partial.results).toHaveLength(1);
    expect('errors' in partial && partial.errors?.[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['1'] } });
  });

  it('batch update answers 200, or 207 when some ids are missing', async () => {
    const a = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'a' }, associations: [] });
    const ok = await h.client.crm.deals.batchApi.update({ inputs: [{ id: a.id, properties: { amount: '10' } }] });
    expect(ok.results[0]?.properties['amount']).toBe('10');
    const partial = await h.client.crm.deals.batchApi.update({
      inputs: [
        { id: a.id, properties: { amount: '11' } },
        { id: '2', properties: { amount: '1' } },
      ],
    });
    expect(partial.results).toHaveLength(1);
    expect('errors' in partial && partial.errors?.length).toBe(1);
    expect(h.sandbox.getObject('deals', a.id)?.properties['amount']).toBe('11');
  });

  it('batch upsert (200) creates or updates by a unique property', async () => {
    await h.client.crm.properties.coreApi.create('deals', {
      name: 'crm_key',
      label: 'Key',
      type: 'string',
      fieldType: 'text',
      groupName: 'dealinformation',
      hasUniqueValue: true,
    } as never);
    const first = await h.client.crm.deals.batchApi.upsert({ inputs: [{ id: 'K-1', idProperty: 'crm_key', properties: { dealname: 'one' } }] });
    expect(first.results[0]).toMatchObject({ _new: true });
    const again = await h.client.crm.deals.batchApi.upsert({ inputs: [{ id: 'K-1', idProperty: 'crm_key', properties: { dealname: 'uno' } }] });
    expect(again.results[0]).toMatchObject({ _new: false, id: first.results[0]?.id });
    expect(again.results[0]?.properties['dealname']).toBe('uno');
  });

  it('batch archive answers 204', async () => {
    const a = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'a' }, associations: [] });
    await h.client.crm.deals.batchApi.archive({ inputs: [{ id: a.id }] });
    expect(h.sandbox.getObject('deals', a.id)).toBeUndefined();
  });

  it('finds records by a unique idProperty', async () => {
    await h.client.crm.properties.coreApi.create('deals', {
      name: 'ext_ref',
      label: 'Ext',
      type: 'string',
      fieldType: 'text',
      groupName: 'dealinformation',
      hasUniqueValue: true,
    } as never);
    const a = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'a', ext_ref: 'X-1' }, associations: [] });
    const got = await h.client.crm.deals.basicApi.getById('X-1', ['dealname'], undefined, undefined, false, 'ext_ref');
    expect(got.id).toBe(a.id);
    const dup = await apiError(h.client.crm.deals.basicApi.create({ properties: { dealname: 'b', ext_ref: 'X-1' }, associations: [] }));
    expect(dup.code).toBe(409);
  });
});

describe('in-process seeding', () => {
  it('records history at the given time and as the given user, without webhooks', async () => {
    const longAgo = Date.UTC(2025, 0, 15, 12);
    const deal = h.sandbox.createObject('deals', { dealname: 'old', dealstage: 'contractsent' }, { at: longAgo, actAs: 'userId:9100001' });
    const moved = h.sandbox.updateObject('deals', deal.id, { dealstage: 'closedwon' }, { at: longAgo + 86_400_000, actAs: { userId: 9100001 } });
    expect(moved.propertiesWithHistory['dealstage']?.map((e) => e.value)).toEqual(['closedwon', 'contractsent']);
    expect(moved.propertiesWithHistory['dealstage']?.[0]).toMatchObject({
      timestamp: '2025-01-16T12:00:00.000Z',
      sourceType: 'CRM_UI',
      sourceId: 'userId:9100001',
    });
    const viaApi = await h.client.crm.deals.basicApi.getById(deal.id, ['createdate'], ['dealstage']);
    expect(viaApi.properties['createdate']).toBe('2025-01-15T12:00:00.000Z');
    expect(viaApi.createdAt.toISOString()).toBe('2025-01-15T12:00:00.000Z');
    expect(() => h.sandbox.createObject('deals', { nope: '1' })).toThrow(/Property values were not valid/);
  });

  it('the pinned clock stamps API writes', async () => {
    h.sandbox.setNow('2024-05-01T08:00:00Z');
    const deal = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'then' }, associations: [] });
    expect(deal.properties['createdate']).toBe('2024-05-01T08:00:00.000Z');
  });
});
