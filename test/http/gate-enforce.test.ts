import { Client } from '@hubspot/api-client';
import nock from 'nock';
import { KeyedLock } from '../../src/concurrency/keyed-lock';
import { createGateService } from '../../src/gate/gate-service';
import { PipelineCache } from '../../src/gate/pipeline-cache';
import { resolveGateRules } from '../../src/gate/resolve-rules';
import { CrmGateway } from '../../src/hubspot/crm-gateway';
import { createLogger } from '../../src/logger';
import { loadModel } from '../../src/model';
import { pipeline } from '../unit/gate/fixtures';

const API = 'https://api.hubapi.com';
const SCOPE = '2-100';
const CONTRACT = '2-200';
const NOW = new Date('2026-11-21T10:00:00Z');
const at = '2026-11-21T09:59:00.000Z';

const batch = (results: unknown[]) => ({ status: 'COMPLETE', results, startedAt: at, completedAt: at });
const obj = (id: string, properties: Record<string, string | null>, extra: object = {}) => ({
  id,
  properties,
  createdAt: '2026-11-02T00:00:00Z',
  updatedAt: at,
  archived: false,
  ...extra,
});
const links = (from: string, to: string[], typeId: number) => ({
  from: { id: from },
  to: to.map((t) => ({ toObjectId: Number(t), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId, label: null }] })),
});

function service() {
  const model = loadModel('schemas');
  const client = new Client({ accessToken: 'pat-test-token-0001', basePath: API, numberOfApiCallRetries: 0 });
  const gateway = new CrmGateway(client, { retry: { retries: 0, baseMs: 1 } });
  return createGateService({
    gateway,
    types: {
      scope: SCOPE,
      contract: CONTRACT,
      customerStatus: '2-300',
      roleOf: {},
      customerStatusToCompany: { typeId: 400, category: 'USER_DEFINED' },
      taskToContract: { typeId: 500, category: 'USER_DEFINED' },
    },
    rules: resolveGateRules(model),
    pipelines: new PipelineCache(async () => [pipeline]),
    locks: new KeyedLock(),
    logger: createLogger('silent'),
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

it('a blocked deal: batch reads, one task for the owner, then one deal update that reverts it', async () => {
  const api = nock(API);
  const dealRead = jest.fn();
  api
    .post('/crm/v3/objects/deals/batch/read', (b) => (dealRead(b), true))
    .reply(
      200,
      batch([
        obj(
          '101',
          { dealname: 'Acme rebuild', dealstage: 'closedwon', pipeline: 'default', hubspot_owner_id: '7001', handoff_business_problem: 'Checkout abandons' },
          {
            propertiesWithHistory: {
              dealstage: [
                { value: 'closedwon', timestamp: at, sourceType: 'CRM_UI', sourceId: 'userId:9001', updatedByUserId: 9001 },
                { value: 'contractsent', timestamp: '2026-11-10T00:00:00.000Z', sourceType: 'CRM_UI', sourceId: 'userId:9001' },
              ],
            },
          },
        ),
      ]),
    );
  api.post(`/crm/v4/associations/deals/${SCOPE}/batch/read`, { inputs: [{ id: '101' }] }).reply(200, batch([links('101', ['301'], 9)]));
  api.post(`/crm/v4/associations/deals/${CONTRACT}/batch/read`, { inputs: [{ id: '101' }] }).reply(207, {
    ...batch([]),
    numErrors: 1,
    errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'No associations found', context: { fromObjectId: ['101'] } }],
  });
  api
    .post(`/crm/v3/objects/${SCOPE}/batch/read`, (b) => b.inputs[0].id === '301')
    .reply(200, batch([obj('301', { scope_name: 'Rebuild v1', delivery_approved: 'false' })]));
  api
    .post('/crm/v4/associations/deals/tasks/batch/read', { inputs: [{ id: '101' }] })
    .reply(207, { ...batch([]), numErrors: 1, errors: [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'No associations found', context: {} }] });
  let taskCreate: { inputs: Array<{ properties: Record<string, string>; associations: unknown[] }> } | undefined;
  api.post('/crm/v3/objects/tasks/batch/create', (b) => ((taskCreate = b), true)).reply(201, batch([obj('9001', {})]));
  // No look-up after creating: a copy another process made at the same moment is settled by the next pass.
  let dealUpdate: unknown;
  api.post('/crm/v3/objects/deals/batch/update', (b) => ((dealUpdate = b), true)).reply(200, batch([obj('101', {})]));

  const run = await service().gateDeals(['101', '101'], NOW);

  expect(api.isDone()).toBe(true);
  expect(dealRead).toHaveBeenCalledWith(
    expect.objectContaining({
      inputs: [{ id: '101' }],
      propertiesWithHistory: ['dealstage', 'gate_override'],
      properties: expect.arrayContaining([
        'dealstage',
        'pipeline',
        'hubspot_owner_id',
        'gate_status',
        'gate_task_id',
        'gate_override_reason',
        'handoff_business_problem',
      ]),
    }),
  );
  const task = taskCreate!.inputs[0]!;
  expect(taskCreate!.inputs).toHaveLength(1);
  expect(task.properties).toMatchObject({
    // 5 deal fields and 8 on the existing scope, each its own action; the missing contract is one.
    hs_task_subject: '[Throughline close gate] Acme rebuild: 14 items missing before Closed won',
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: 'HIGH',
    hubspot_owner_id: '7001',
    hs_timestamp: '2026-11-22T10:00:00.000Z',
  });
  expect(task.properties.hs_task_body).toContain('<li>Set Delivery approved to Yes on the Scope “Rebuild v1” (ask delivery to review it).</li>');
  expect(task.associations).toEqual([{ to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 216 }] }]);
  expect(dealUpdate).toEqual({
    inputs: [
      {
        id: '101',
        properties: expect.objectContaining({
          dealstage: 'contractsent',
          gate_status: 'blocked',
          gate_checked_at: NOW.toISOString(),
          gate_task_id: '9001',
          gate_missing_items: expect.stringContaining('Fill in Why they chose us on the deal'),
        }),
      },
    ],
  });
  expect(run).toMatchObject({ reverted: ['101'], passed: [], tasksCreated: 1 });
});

it('a second blocked attempt updates the existing task instead of adding one', async () => {
  const api = nock(API);
  api.post('/crm/v3/objects/deals/batch/read').reply(
    200,
    batch([
      obj(
        '102',
        { dealname: 'Again', dealstage: 'closedwon', pipeline: 'default', hubspot_owner_id: '7001', gate_status: 'blocked', gate_task_id: '9002' },
        {
          propertiesWithHistory: {
            dealstage: [
              { value: 'closedwon', timestamp: at, sourceType: 'CRM_UI' },
              { value: 'contractsent', timestamp: '2026-11-20T00:00:00.000Z', sourceType: 'INTEGRATION', sourceId: '1' },
            ],
          },
        },
      ),
    ]),
  );
  api.post(`/crm/v4/associations/deals/${SCOPE}/batch/read`).reply(200, batch([]));
  api.post(`/crm/v4/associations/deals/${CONTRACT}/batch/read`).reply(200, batch([]));
  // Its task links are read every time (a racer's second copy is settled here); the remembered task is
  // the only one, so no task is read.
  api.post('/crm/v4/associations/deals/tasks/batch/read', { inputs: [{ id: '102' }] }).reply(200, batch([links('102', ['9002'], 216)]));
  let taskUpdate: { inputs: Array<{ id: string; properties: Record<string, string> }> } | undefined;
  api.post('/crm/v3/objects/tasks/batch/update', (b) => ((taskUpdate = b), true)).reply(200, batch([obj('9002', {})]));
  api.post('/crm/v3/objects/deals/batch/update', (b) => b.inputs[0].properties.gate_task_id === '9002').reply(200, batch([obj('102', {})]));

  const run = await service().gateDeals(['102'], NOW);
  expect(api.isDone()).toBe(true);
  expect(taskUpdate!.inputs.map((i) => [i.id, i.properties.hs_task_status])).toEqual([['9002', 'NOT_STARTED']]);
  expect(run).toMatchObject({ tasksCreated: 0, tasksUpdated: 1, reverted: ['102'] });
});
