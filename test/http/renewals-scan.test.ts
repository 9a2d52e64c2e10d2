import { Client } from '@hubspot/api-client';
import nock from 'nock';
import { CrmGateway } from '../../src/hubspot/crm-gateway';
import { SearchThrottle } from '../../src/hubspot/search-throttle';
import { createLogger } from '../../src/logger';
import { runRenewalScan } from '../../src/renewals/scan';

const API = 'https://api.hubapi.com';
const CONTRACT = '2-300';
const ms = (date: string) => String(Date.parse(`${date}T00:00:00Z`));

function gateway(): CrmGateway {
  const client = new Client({ accessToken: 'pat-test-token-0001', basePath: API, numberOfApiCallRetries: 0 });
  return new CrmGateway(client, { retry: { retries: 0, baseMs: 1 }, searchThrottle: new SearchThrottle(100) });
}

const searchBody = (filters: unknown[]) => ({
  filterGroups: [{ filters }],
  sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
  properties: expect.arrayContaining(['renewal_date', 'auto_renew', 'notice_period_days', 'reminders_sent', 'hubspot_owner_id']),
  limit: 200,
});
const open = { propertyName: 'contract_status', operator: 'IN', values: ['active', 'renewing'] };
const empty = { total: 0, results: [] };
const contract = {
  id: '501',
  properties: {
    contract_name: 'Checkout MSA',
    renewal_date: '2027-12-01',
    auto_renew: 'true',
    notice_period_days: '45',
    contract_value: '180000',
    term_months: '12',
    contract_status: 'active',
    reminders_sent: null,
    hubspot_owner_id: null,
  },
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  archived: false,
};
const assoc = (from: string, to: number, typeId: number) => ({
  status: 'COMPLETE',
  results: [{ from: { id: from }, to: [{ toObjectId: to, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId, label: null }] }] }],
  startedAt: '2027-09-02T08:00:00.000Z',
  completedAt: '2027-09-02T08:00:00.000Z',
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

it('searches the horizon in date windows and creates the due reminder with the exact bodies HubSpot expects', async () => {
  const seen: Array<{ path: string; body: unknown }> = [];
  const api = nock(API);
  const record = (path: string) => (body: unknown) => {
    seen.push({ path, body });
    return true;
  };
  // Three date windows over 180 days (90 days each), then the lapse search: each body pinned.
  for (const [from, to] of [
    ['2027-09-02', '2027-11-30'],
    ['2027-12-01', '2028-02-28'],
    ['2028-02-29', '2028-02-29'],
  ] as const) {
    api
      .post(`/crm/v3/objects/${CONTRACT}/search`, (b) => {
        const f = b.filterGroups[0].filters[1];
        return record('search')(b) && f.operator === 'BETWEEN' && f.value === ms(from) && f.highValue === ms(to);
      })
      .reply(200, from === '2027-12-01' ? { total: 1, results: [contract] } : empty);
  }
  api.post(`/crm/v3/objects/${CONTRACT}/search`, (b) => record('search')(b) && b.filterGroups[0].filters[1].operator === 'LT').reply(200, empty);
  // The contract due a reminder is read by id before anything is decided: search may lag writes.
  api
    .post(`/crm/v3/objects/${CONTRACT}/batch/read`, (b) => b.inputs.length === 1 && b.inputs[0].id === '501')
    .reply(200, { status: 'COMPLETE', results: [contract], startedAt: '2027-09-02T08:00:00Z', completedAt: '2027-09-02T08:00:00Z' });
  api.post(`/crm/v4/associations/${CONTRACT}/companies/batch/read`, { inputs: [{ id: '501' }] }).reply(200, assoc('501', 601, 999));
  api.post(`/crm/v4/associations/${CONTRACT}/deals/batch/read`, { inputs: [{ id: '501' }] }).reply(200, assoc('501', 701, 998));
  api
    .post('/crm/v3/objects/companies/batch/read', { inputs: [{ id: '601' }], properties: ['name', 'hubspot_owner_id'], propertiesWithHistory: [] })
    .reply(200, {
      status: 'COMPLETE',
      results: [
        {
          id: '601',
          properties: { name: 'Northwind Labs', hubspot_owner_id: '7003' },
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          archived: false,
        },
      ],
      startedAt: '2027-09-02T08:00:00Z',
      completedAt: '2027-09-02T08:00:00Z',
    });
  const updates: unknown[] = [];
  api
    .post(`/crm/v3/objects/${CONTRACT}/batch/update`, (b) => updates.push(b) > 0)
    .times(2)
    .reply(200, (_uri, body) => ({
      status: 'COMPLETE',
      results: (body as { inputs: Array<{ id: string; properties: object }> }).inputs.map((i) => ({
        id: i.id,
        properties: i.properties,
        createdAt: '2026-11-01T00:00:00Z',
        updatedAt: '2027-09-02T08:00:00Z',
        archived: false,
      })),
      startedAt: '2027-09-02T08:00:00Z',
      completedAt: '2027-09-02T08:00:00Z',
    }));
  let taskBody: { inputs: Array<{ properties: Record<string, string>; associations: unknown[] }> } | undefined;
  api
    .post('/crm/v3/objects/tasks/batch/create', (b) => ((taskBody = b), true))
    .reply(201, {
      status: 'COMPLETE',
      results: [{ id: '9901', properties: {}, createdAt: '2027-09-02T08:00:00Z', updatedAt: '2027-09-02T08:00:00Z', archived: false }],
      startedAt: '2027-09-02T08:00:00Z',
      completedAt: '2027-09-02T08:00:00Z',
    });
  // After creating, the look-up for a second copy another scan made at the same moment: none.
  api.post(`/crm/v4/associations/${CONTRACT}/tasks/batch/read`, { inputs: [{ id: '501' }] }).reply(200, assoc('501', 9901, 204001));
  api
    .post('/crm/v3/objects/tasks/batch/read', (b) => b.inputs.length === 1 && b.inputs[0].id === '9901')
    .reply(200, {
      status: 'COMPLETE',
      results: [
        {
          id: '9901',
          properties: { hs_task_status: 'NOT_STARTED', hs_task_body: '<p>…</p><p style="color:#999">reminder-key:2027-12-01:lead:90</p>' },
          createdAt: '2027-09-02T08:00:00Z',
          updatedAt: '2027-09-02T08:00:00Z',
          archived: false,
        },
      ],
      startedAt: '2027-09-02T08:00:00Z',
      completedAt: '2027-09-02T08:00:00Z',
    });

  const statusEvents = jest.fn(async () => undefined);
  const result = await runRenewalScan(
    {
      gateway: gateway(),
      types: { contract: CONTRACT, taskToContract: { typeId: 204000, category: 'HUBSPOT_DEFINED' } },
      settings: { leadDays: [90, 60, 30], noticeDeadlineReminder: true, noticeDaysBefore: 7 },
      defaultOwnerId: '42',
      timeZone: 'Europe/Berlin',
      logger: createLogger('silent'),
      onStatusEvents: statusEvents,
      now: () => new Date('2027-09-02T08:00:00Z'),
    },
    '2027-09-02',
  );

  expect(api.pendingMocks()).toEqual([]);
  expect(seen.filter((s) => s.path === 'search').map((s) => s.body)).toEqual([
    searchBody([open, { propertyName: 'renewal_date', operator: 'BETWEEN', value: ms('2027-09-02'), highValue: ms('2027-11-30') }]),
    searchBody([open, { propertyName: 'renewal_date', operator: 'BETWEEN', value: ms('2027-12-01'), highValue: ms('2028-02-28') }]),
    searchBody([open, { propertyName: 'renewal_date', operator: 'BETWEEN', value: ms('2028-02-29'), highValue: ms('2028-02-29') }]),
    // The lapse pass writes every contract it finds, so it reads them all by id and searches for ids only.
    { ...searchBody([open, { propertyName: 'renewal_date', operator: 'LT', value: ms('2027-09-02') }]), limit: 100, properties: ['hs_object_id'] },
  ]);
  expect(taskBody!.inputs).toHaveLength(1);
  const task = taskBody!.inputs[0]!;
  expect(task.properties).toMatchObject({
    hs_task_subject: '[Throughline renewal] Northwind Labs — Checkout MSA renews 2027-12-01 (90-day reminder)',
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: 'HIGH',
    hs_timestamp: '2027-09-02T07:00:00.000Z', // 09:00 in Berlin (summer time)
    hubspot_owner_id: '7003',
  });
  expect(task.properties.hs_task_body).toContain('reminder-key:2027-12-01:lead:90');
  expect(task.associations).toEqual([
    { to: { id: '701' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 216 }] },
    { to: { id: '601' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
    { to: { id: '501' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204000 }] },
  ]);
  // Recorded as pending before the task exists, then as sent with its id.
  expect(updates).toEqual([
    { inputs: [{ id: '501', properties: { reminders_sent: '2027-12-01:lead:90 pending - 2027-09-02' } }] },
    { inputs: [{ id: '501', properties: { reminders_sent: '2027-12-01:lead:90 sent 9901 2027-09-02' } }] },
  ]);
  expect(result).toMatchObject({ contractsSeen: 1, remindersCreated: 1 });
  expect(statusEvents).toHaveBeenCalledWith([{ companyId: '601', event: 'renewal_window_opened', occurredAt: '2027-09-02T08:00:00.000Z' }]);
});
