import { APPROVED_SCOPE, COMPLETE_CONTRACT, HANDOFF_COMPLETE, OWNERS, USER, seedCompany, seedContract, seedDeal, seedScope } from '../../scripts/lib/seed';
import { startFaultStack, type FaultStack } from './harness';

/**
 * HubSpot answers a batch create with its results in no promised order (the stand-in reverses
 * them by default). Twelve deals closed in one batch must each get their own gate task, and a
 * later pass must complete that task, not a neighbour's.
 */

const DEALS = 12;
let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack();
});
afterAll(async () => stack?.close());

const tasksOf = (dealId: string) => stack.sandbox.store.associations.associated('0-3', dealId, '0-27').map((a) => a.toObjectId);
const task = (id: string) => stack.sandbox.getObject('tasks', id)!;

it.each([
  ['reversed', false],
  ['shuffled', false],
  ['reversed, without trace ids', true],
] as const)('12 deals closed in one batch (results %s) each keep their own task, and a pass completes it', async (order, omitObjectWriteTraceIds) => {
  const { sandbox, names } = stack;
  sandbox.setFaults({ batchResultOrder: order.startsWith('shuffled') ? 'shuffled' : 'reversed', omitObjectWriteTraceIds });
  const companies = Array.from({ length: DEALS }, (_, i) => seedCompany(sandbox, `Order ${order} ${i}`));
  const deals = companies.map((companyId, i) => seedDeal(sandbox, { name: `Order ${order} deal ${i}`, companyId }));
  for (const id of deals) sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
  sandbox.resetCounters();
  const gate = await stack.service.runtime.gate();
  await gate.gateDeals(deals, new Date());
  expect(sandbox.calls().byEndpoint['POST /crm/v3/objects/{objectType}/batch/create']).toBe(1);

  for (const id of deals) {
    const taskId = sandbox.getObject('deals', id)!.properties.gate_task_id;
    expect([id, tasksOf(id)]).toEqual([id, [taskId]]);
    expect([id, task(taskId!).properties.hs_task_body]).toEqual([id, expect.stringContaining(`Deal ${id}.`)]);
  }

  // Half of them are completed and closed again, in one batch: each completes its own task.
  const fixed = deals.filter((_, i) => i % 2 === 0);
  for (const [i, id] of fixed.entries()) {
    sandbox.updateObject('deals', id, HANDOFF_COMPLETE, { actAs: USER(OWNERS.rep) });
    seedScope(sandbox, names, id, companies[i * 2], APPROVED_SCOPE);
    seedContract(sandbox, names, id, companies[i * 2], COMPLETE_CONTRACT);
    sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
  }
  await gate.gateDeals(fixed, new Date());
  for (const id of deals) {
    const [own] = tasksOf(id);
    expect([id, task(own!).properties.hs_task_status]).toEqual([id, fixed.includes(id) ? 'COMPLETED' : 'NOT_STARTED']);
  }
});
