import nock from 'nock';
import type { HubSpotEvent } from '../../src/webhooks/events';
import { FakePortal } from './delivery/fake-portal';
import { CHANGE_ORDER, NOW, SCOPE, deliveryService, seededPortal } from './delivery/scenario';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const event = (objectTypeId: string, objectId: number, subscriptionType: string, propertyName?: string, extra: object = {}) =>
  ({
    eventId: objectId,
    subscriptionId: 1,
    portalId: 4242,
    occurredAt: NOW.getTime(),
    attemptNumber: 0,
    objectTypeId,
    objectId,
    subscriptionType,
    ...(propertyName ? { propertyName, propertyValue: 'x' } : {}),
    ...extra,
  }) as unknown as HubSpotEvent;

/** `n` deals in delivery from id 1000, each with a scope, two change orders, a ticket and an invoice. */
function bigPortal(n: number): FakePortal {
  const p = new FakePortal();
  for (let i = 0; i < n; i++) {
    const d = String(1000 + i);
    p.put('deals', d, { dealname: `Deal ${d}`, amount: '20000', deal_currency_code: 'EUR', hubspot_owner_id: '7001', gate_status: 'passed' });
    p.put(SCOPE, `3${d}`, {
      delivery_approved: 'true',
      hubspot_owner_id: '7002',
      delivery_phase: 'in_progress',
      delivery_start_date: '2026-11-01',
      delivery_timeline_weeks: '12',
      delivery_estimate_hours: '100',
      proposal_hours: '100',
      hours_logged: '20',
    });
    p.link('deals', d, SCOPE, `3${d}`, 'Approved scope');
    for (const k of ['1', '2']) {
      p.put(CHANGE_ORDER, `4${d}${k}`, {
        change_order_title: 'More',
        change_order_decision: 'billed',
        change_order_hours: '4',
        change_order_amount: '600',
        hs_createdate: '2026-11-10T00:00:00.000Z',
      });
      p.link('deals', d, CHANGE_ORDER, `4${d}${k}`);
    }
    p.put('0-5', `5${d}`, { subject: 'Question', hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'LOW', createdate: '2026-11-20T00:00:00.000Z' });
    p.link('deals', d, '0-5', `5${d}`);
    p.put('0-53', `6${d}`, { hs_invoice_status: 'open', hs_amount_billed: '5000', hs_balance_due: '5000', hs_due_date: '2026-12-01', hs_currency: 'EUR' });
    p.link('deals', d, '0-53', `6${d}`);
  }
  p.put('deals', '99', { dealname: 'Not yet', gate_status: 'blocked' });
  return p;
}

it('a webhook batch names its deals through one association read per object type; own writes and other properties are left out', async () => {
  const portal = seededPortal();
  portal.refused.clear();
  portal.link('0-53', '701', 'deals', '102');
  const { service } = deliveryService(portal);

  const ids = await service.dealsForEvents([
    event(CHANGE_ORDER, 401, 'object.propertyChange', 'change_order_decision'),
    event(CHANGE_ORDER, 402, 'object.creation'),
    event(CHANGE_ORDER, 403, 'object.propertyChange', 'change_order_task_id'),
    event(SCOPE, 302, 'object.propertyChange', 'hours_logged'),
    event(SCOPE, 309, 'object.propertyChange', 'scope_name'),
    event('0-5', 501, 'object.propertyChange', 'hs_ticket_priority'),
    event('0-53', 701, 'object.propertyChange', 'hs_balance_due'),
    event(SCOPE, 301, 'object.propertyChange', 'hours_logged', { changeSource: 'INTEGRATION', sourceId: '4242' }),
    event('0-3', 101, 'object.propertyChange', 'dealstage'),
  ]);

  expect(ids.sort()).toEqual(['101', '102']);
  expect(portal.calls.map((c) => [c.path, c.body.inputs])).toEqual(
    expect.arrayContaining([
      [`/crm/v4/associations/${CHANGE_ORDER}/deals/batch/read`, [{ id: '401' }, { id: '402' }]],
      [`/crm/v4/associations/${SCOPE}/deals/batch/read`, [{ id: '302' }]],
      ['/crm/v4/associations/0-5/deals/batch/read', [{ id: '501' }]],
      ['/crm/v4/associations/0-53/deals/batch/read', [{ id: '701' }]],
    ]),
  );
  expect(portal.calls).toHaveLength(4);
});

it('the daily pass walks every deal in delivery by id cursor (never `after`), 100 a page, level-triggered', async () => {
  const portal = bigPortal(150);
  const { service } = deliveryService(portal);
  const progress: number[] = [];

  const run = await service.dailyPass(NOW, { onProgress: (r) => progress.push(r.dealsAssessed) });

  const searches = portal.calls.filter((c) => c.path === '/crm/v3/objects/deals/search').map((c) => c.body);
  expect(searches).toHaveLength(2);
  expect(searches[0]).toMatchObject({ sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }], limit: 100 });
  expect(searches[0].after).toBeUndefined();
  expect(searches[1].after).toBeUndefined();
  for (const group of searches[1].filterGroups) {
    expect(group.filters).toEqual(
      expect.arrayContaining([
        { propertyName: 'gate_status', operator: 'IN', values: ['passed', 'overridden'] },
        { propertyName: 'hs_object_id', operator: 'GT', value: '1099' },
      ]),
    );
  }
  expect(progress).toEqual([100, 150]);
  expect(run.dealsAssessed).toBe(150);
  expect(run.dealsUpdated).toHaveLength(150);
  expect(portal.get('deals', '1149')).toMatchObject({ delivery_health: 'on_track', delivery_billed_amount: '5000' });
});

it('HubSpot calls: per 100 deals of the daily pass, and for a 100-event webhook batch; a re-run writes nothing', async () => {
  const portal = bigPortal(100);
  const { service } = deliveryService(portal);
  await service.dailyPass(NOW);
  const first = portal.calls.length;
  const firstWrites = portal.writes().length;

  await service.dailyPass(NOW);
  const rerun = portal.calls.slice(first);
  expect(rerun.filter((c) => /batch\/(update|create)$/.test(c.path))).toEqual([]);
  // A search, the deals, 4 association reads, then the records ≤ 100 a call: 200 change orders take two.
  expect(rerun.map((c) => c.path).filter((path) => path.includes('/objects/'))).toHaveLength(7);
  expect(rerun.length).toBe(11);

  const events = Array.from({ length: 100 }, (_, i) =>
    i % 3 === 0
      ? event(CHANGE_ORDER, Number(`4${1000 + i}1`), 'object.propertyChange', 'change_order_hours')
      : i % 3 === 1
        ? event(SCOPE, Number(`3${1000 + i}`), 'object.propertyChange', 'hours_logged')
        : event('0-5', Number(`5${1000 + i}`), 'object.propertyChange', 'hs_pipeline_stage'),
  );
  for (let i = 0; i < 100; i += 3) portal.put(CHANGE_ORDER, `4${1000 + i}1`, { change_order_hours: '6' });
  const before = portal.calls.length;
  const dealIds = await service.dealsForEvents(events);
  const batch = await service.assessDeals(dealIds, NOW);
  const webhook = portal.calls.slice(before);
  expect(dealIds).toHaveLength(100);
  expect(batch.dealsUpdated).toHaveLength(34);
  expect(webhook.length).toBeLessThanOrEqual(14);

  console.log(
    `delivery calls — first daily pass of 100 deals: ${first} (${firstWrites} writes); re-run: ${rerun.length} (0 writes); ` +
      `100-event webhook batch: ${webhook.length} (${webhook.filter((c) => /batch\/(update|create)$/.test(c.path)).length} writes)`,
  );
});
