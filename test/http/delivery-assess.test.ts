import nock from 'nock';
import { deliverySectionSchema } from '../../extensions/app/cards/shared/delivery-card-data';
import { CHANGE_ORDER, NOW, SCOPE, STATUS, deliveryService, seededPortal } from './delivery/scenario';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const taskKeys = (body: { inputs: Array<{ objectWriteTraceId: string }> }) => body.inputs.map((i) => i.objectWriteTraceId).sort();

it('a deal going off track: batched reads, one task each for the AE, the lead and the stale change order, status at risk, the deal written last', async () => {
  const portal = seededPortal();
  const { service, warnings } = deliveryService(portal);

  const run = await service.assessDeals(['101', '102', '103', '101'], NOW);

  expect(run.skipped).toEqual(['103']);
  expect(run.plans.find((p) => p.dealId === '101')!.assessment.health).toBe('off_track');
  // Reads: deals, 4 association reads (change orders paged: 3 rows, 2 a page), then the records.
  const reads = portal.calls.filter((c) => c.path.endsWith('/batch/read')).map((c) => c.path);
  expect(reads.slice(0, 9).sort()).toEqual([
    '/crm/v3/objects/0-5/batch/read',
    `/crm/v3/objects/${SCOPE}/batch/read`,
    `/crm/v3/objects/${CHANGE_ORDER}/batch/read`,
    '/crm/v3/objects/deals/batch/read',
    '/crm/v4/associations/deals/0-5/batch/read',
    '/crm/v4/associations/deals/0-53/batch/read',
    `/crm/v4/associations/deals/${SCOPE}/batch/read`,
    `/crm/v4/associations/deals/${CHANGE_ORDER}/batch/read`,
    `/crm/v4/associations/deals/${CHANGE_ORDER}/batch/read`,
  ]);
  const coPages = portal.calls.filter((c) => c.path === `/crm/v4/associations/deals/${CHANGE_ORDER}/batch/read`).map((c) => c.body.inputs);
  expect(coPages).toEqual([[{ id: '101' }, { id: '102' }, { id: '103' }], [{ id: '101', after: '2' }]]);
  // Only the in-delivery deals' records, all three change orders.
  expect(
    portal.calls
      .find((c) => c.path === `/crm/v3/objects/${CHANGE_ORDER}/batch/read`)!
      .body.inputs.map((i: { id: string }) => i.id)
      .sort(),
  ).toEqual(['401', '402', '403']);

  // Invoices: refused (403), reported once at warn with the fix, and the assessment says so.
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(
    /invoices cannot be read in this portal \(403\).*crm\.objects\.invoices\.read.*sources\.invoices\.enabled false in schemas\/delivery-health\.json/,
  );

  const creates = portal.calls.filter((c) => c.path === '/crm/v3/objects/tasks/batch/create');
  expect(creates).toHaveLength(1);
  expect(taskKeys(creates[0]!.body)).toEqual(['change-order-pending:401', 'delivery-health:101:ae', 'delivery-health:101:lead']);
  const ae = creates[0]!.body.inputs.find((i: { objectWriteTraceId: string }) => i.objectWriteTraceId === 'delivery-health:101:ae');
  expect(ae.properties).toMatchObject({
    hs_task_subject: '[Throughline delivery] Acme rebuild is off track',
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: 'HIGH',
    hubspot_owner_id: '7001',
    hs_timestamp: '2026-11-22T10:00:00.000Z',
  });
  expect(ae.properties.hs_task_body).toContain('delivery-key:delivery-health:101:ae<');
  expect(ae.associations).toEqual([{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 216 }] }]);
  const owners = Object.fromEntries(
    creates[0]!.body.inputs.map((i: { objectWriteTraceId: string; properties: { hubspot_owner_id: string } }) => [
      i.objectWriteTraceId,
      i.properties.hubspot_owner_id,
    ]),
  );
  expect(owners).toEqual({ 'delivery-health:101:ae': '7001', 'delivery-health:101:lead': '7002', 'change-order-pending:401': '7002' });

  // Created ids come back in reverse order and are placed by trace id: each lands on its own property.
  const ids = new Map(portal.linksOf('deals', '101', 'tasks').map((id) => [portal.get('tasks', id)!.hs_task_subject, id]));
  expect(portal.get(CHANGE_ORDER, '401')!.change_order_task_id).toBe(ids.get('[Throughline delivery] Decide change order “Guest checkout” on Acme rebuild'));
  expect(portal.get('deals', '101')!.delivery_health).toBe('off_track');
  expect(portal.get('tasks', portal.get('deals', '101')!.delivery_ae_task_id!)!.hubspot_owner_id).toBe('7001');
  expect(portal.get('tasks', portal.get('deals', '101')!.delivery_lead_task_id!)!.hubspot_owner_id).toBe('7002');
  expect(portal.get('deals', '101')!.delivery_health_reasons).toContain(
    'Not enough data to say anything about invoices: HubSpot refused to read invoices (403): this portal has no Commerce Hub invoices',
  );
  expect(portal.get('deals', '102')).toMatchObject({ delivery_health: 'on_track', delivery_health_checked_at: NOW.toISOString() });
  expect(portal.get('deals', '102')!.delivery_ae_task_id).toBeUndefined();

  // The customer moved from active to at risk, by automation.
  expect(portal.get(STATUS, '801')).toMatchObject({ status: 'at_risk', status_set_by: 'automation' });
  expect(portal.get(STATUS, '801')!.status_reason).toMatch(/^Acme rebuild went off track in delivery: /);

  // The deal update is the commit: the last call.
  expect(portal.calls[portal.calls.length - 1]!.path).toBe('/crm/v3/objects/deals/batch/update');
  expect(run).toMatchObject({ tasksCreated: 3, tasksUpdated: 0, tasksCompleted: 0, statusChanges: 1 });
  expect(run.dealsUpdated.sort()).toEqual(['101', '102']);
});

it('a re-run over the same data writes nothing and no longer asks for invoices', async () => {
  const portal = seededPortal();
  const { service, warnings } = deliveryService(portal);
  await service.assessDeals(['101', '102'], NOW);
  const before = portal.calls.length;

  const again = await service.assessDeals(['101', '102'], NOW);

  const calls = portal.calls.slice(before);
  expect(calls.filter((c) => /batch\/(update|create)$/.test(c.path))).toEqual([]);
  expect(calls.some((c) => c.path.includes('0-53'))).toBe(false);
  expect(calls.map((c) => c.path).sort()).toEqual([
    '/crm/v3/objects/0-5/batch/read',
    `/crm/v3/objects/${SCOPE}/batch/read`,
    `/crm/v3/objects/${CHANGE_ORDER}/batch/read`,
    '/crm/v3/objects/deals/batch/read',
    '/crm/v4/associations/deals/0-5/batch/read',
    `/crm/v4/associations/deals/${SCOPE}/batch/read`,
    `/crm/v4/associations/deals/${CHANGE_ORDER}/batch/read`,
    `/crm/v4/associations/deals/${CHANGE_ORDER}/batch/read`,
  ]);
  expect(warnings).toHaveLength(1);
  expect(again).toMatchObject({ tasksCreated: 0, tasksUpdated: 0, tasksCompleted: 0, dealsUpdated: [] });
});

it('recovery completes both health tasks (ids kept), a decided change order completes its task; worsening again reopens the same tasks', async () => {
  const portal = seededPortal();
  const { service } = deliveryService(portal);
  await service.assessDeals(['101'], NOW);
  const { delivery_ae_task_id: aeTask, delivery_lead_task_id: leadTask } = portal.get('deals', '101')!;
  const coTask = portal.get(CHANGE_ORDER, '401')!.change_order_task_id!;

  portal.put(SCOPE, '301', { hours_logged: '150' }).put(CHANGE_ORDER, '401', { change_order_decision: 'billed', change_order_amount: '2400' });
  portal.put('0-5', '501', { hs_pipeline_stage: '4' });
  const before = portal.calls.length;
  const recovered = await service.assessDeals(['101'], NOW);

  expect(recovered.plans[0]!.assessment.health).toBe('on_track');
  const taskUpdates = portal.calls.slice(before).filter((c) => c.path === '/crm/v3/objects/tasks/batch/update');
  expect(taskUpdates).toHaveLength(1);
  expect(taskUpdates[0]!.body.inputs.map((i: { id: string; properties: object }) => [i.id, i.properties]).sort()).toEqual(
    [
      [aeTask, { hs_task_status: 'COMPLETED' }],
      [leadTask, { hs_task_status: 'COMPLETED' }],
      [coTask, { hs_task_status: 'COMPLETED' }],
    ].sort(),
  );
  expect(portal.calls.slice(before).some((c) => c.path === '/crm/v3/objects/tasks/batch/create')).toBe(false);
  expect(portal.get(CHANGE_ORDER, '401')!.change_order_task_id).toBe('');
  expect(portal.get('deals', '101')).toMatchObject({ delivery_health: 'on_track', delivery_ae_task_id: aeTask, delivery_lead_task_id: leadTask });
  expect(recovered).toMatchObject({ tasksCompleted: 3, tasksCreated: 0 });

  portal.put(SCOPE, '301', { hours_logged: '460' });
  const mid = portal.calls.length;
  const worse = await service.assessDeals(['101'], NOW);
  const writes = portal.calls.slice(mid).filter((c) => c.path.startsWith('/crm/v3/objects/tasks/batch/'));
  expect(writes.map((c) => c.path)).toEqual(['/crm/v3/objects/tasks/batch/update']);
  expect(writes[0]!.body.inputs.map((i: { id: string; properties: { hs_task_status: string } }) => [i.id, i.properties.hs_task_status]).sort()).toEqual(
    [
      [aeTask, 'NOT_STARTED'],
      [leadTask, 'NOT_STARTED'],
    ].sort(),
  );
  expect(worse).toMatchObject({ tasksCreated: 0, tasksUpdated: 2 });
});

it('a task made before a crash (its id never reached the deal) is found by its key line and updated, not made again', async () => {
  const portal = seededPortal();
  portal.put('tasks', '8801', {
    hs_task_subject: 'old',
    hs_task_status: 'NOT_STARTED',
    hs_task_body: '<p>…</p><p style="color:#999">delivery-key:delivery-health:101:ae</p>',
  });
  portal.link('tasks', '8801', 'deals', '101');
  const { service } = deliveryService(portal);

  const run = await service.assessDeals(['101'], NOW);

  const lookups = portal.calls.filter((c) => c.path === '/crm/v4/associations/deals/tasks/batch/read');
  // Before creating, the orphan look-up; after, the look-up for a second copy (its pages follow).
  const create = portal.calls.findIndex((c) => c.path === '/crm/v3/objects/tasks/batch/create');
  expect(lookups[0]!.body.inputs).toEqual([{ id: '101' }]);
  expect(portal.calls.indexOf(lookups[0]!)).toBeLessThan(create);
  expect(portal.calls.indexOf(lookups[1]!)).toBeGreaterThan(create);
  expect(lookups.flatMap((c) => c.body.inputs.map((i: { id: string }) => i.id))).toEqual(lookups.map(() => '101'));
  expect(taskKeys(portal.calls[create]!.body)).toEqual(['change-order-pending:401', 'delivery-health:101:lead']);
  expect(portal.get('deals', '101')!.delivery_ae_task_id).toBe('8801');
  expect(run).toMatchObject({ tasksCreated: 2, tasksUpdated: 1 });
});

it('two copies of one task (two processes made it at the same moment): the oldest is kept and remembered, the other completed', async () => {
  const portal = seededPortal();
  const body = '<p>…</p><p style="color:#999">delivery-key:delivery-health:101:ae</p>';
  portal.put('tasks', '8801', { hs_task_subject: 'first', hs_task_status: 'NOT_STARTED', hs_task_body: body });
  portal.put('tasks', '8802', { hs_task_subject: 'second', hs_task_status: 'NOT_STARTED', hs_task_body: body });
  portal.link('tasks', '8801', 'deals', '101');
  portal.link('tasks', '8802', 'deals', '101');
  const { service } = deliveryService(portal);

  await service.assessDeals(['101'], NOW);

  expect([portal.get('tasks', '8801')!.hs_task_status, portal.get('tasks', '8802')!.hs_task_status]).toEqual(['NOT_STARTED', 'COMPLETED']);
  expect(portal.get('deals', '101')!.delivery_ae_task_id).toBe('8801');
});

it('a dry run assesses and writes nothing', async () => {
  const portal = seededPortal();
  const { service } = deliveryService(portal);
  const run = await service.assessDeals(['101'], NOW, { dryRun: true });
  expect(run.plans[0]!.openTasks.map((t) => t.key).sort()).toEqual(['change-order-pending:401', 'delivery-health:101:ae', 'delivery-health:101:lead']);
  expect(portal.writes()).toEqual([]);
});

it('the card section: what the card schema wants, from the same assessment', async () => {
  const portal = seededPortal();
  const { service } = deliveryService(portal);
  const section = await service.cardSection('101', NOW);
  expect(deliverySectionSchema.parse(section)).toEqual(section);
  expect(section).toMatchObject({
    health: 'off_track',
    healthLabel: 'Off track',
    phase: 'in_progress',
    currency: 'EUR',
    billing: null,
    tickets: { open: 1, urgent: 1, items: [{ id: '501', subject: 'Payment page times out', priority: 'URGENT', openDays: 5 }] },
    sources: [
      { source: 'tickets', status: 'ok', message: null },
      { source: 'invoices', status: 'unavailable', message: expect.stringContaining('403') },
      { source: 'projects', status: 'disabled', message: null },
    ],
    changeOrderObjectTypeId: CHANGE_ORDER,
  });
  expect(section!.changeOrders.map((c) => [c.id, c.decision, c.ageDays]).sort()).toEqual([
    ['401', 'requested', 20],
    ['402', 'billed', 30],
    ['403', 'absorbed', 25],
  ]);
  expect(await service.cardSection('103', NOW)).toBeNull();
  expect(portal.writes()).toEqual([]);
});
