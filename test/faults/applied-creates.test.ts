import { APPROVED_SCOPE, COMPLETE_CONTRACT, HANDOFF_COMPLETE, OWNERS, USER, seedCompany, seedContract, seedDeal, seedScope } from '../../scripts/lib/seed';
import { parseSentLog } from '../../src/renewals/sent-log';
import { startFaultStack, type FaultStack } from './harness';

/**
 * A create HubSpot applied but answered with a 5xx, or never answered: retrying it blindly makes
 * a second record. Each create the service makes must come out exactly once, in one batch lookup.
 */

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack();
});
afterAll(async () => stack?.close());
afterEach(() => stack.sandbox.setFaults({ appliedCreateFailsNext: 0, appliedCreateFailure: undefined, appliedCreateTypes: undefined }));

const linked = (fromType: string, id: string, toType: string) => stack.sandbox.store.associations.associated(fromType, id, toType).map((a) => a.toObjectId);
function failNextCreateOf(type: string, failure: '5xx' | 'drop' = '5xx'): void {
  stack.sandbox.setFaults({ appliedCreateFailsNext: 1, appliedCreateFailure: failure, appliedCreateTypes: [type], serverErrorStatuses: [504] });
  stack.sandbox.resetCounters();
}
/** Gates the deals the way a webhook batch does. */
const gateAll = async (deals: Array<{ deal: string }>) =>
  (await stack.service.runtime.gate()).gateDeals(
    deals.map((d) => d.deal),
    new Date(),
  );
const creates = () => stack.sandbox.calls().byEndpoint['POST /crm/v3/objects/{objectType}/batch/create'] ?? 0;

function closedDeals(tag: string, count: number, props: Record<string, string> = {}): Array<{ deal: string; company: string }> {
  return Array.from({ length: count }, (_, i) => {
    const company = seedCompany(stack.sandbox, `${tag} ${i}`);
    const deal = seedDeal(stack.sandbox, { name: `${tag} deal ${i}`, companyId: company, props });
    stack.sandbox.updateObject('deals', deal, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
    return { deal, company };
  });
}

it.each(['5xx', 'drop'] as const)('gate tasks: a batch create applied and answered %s makes one task per deal', async (failure) => {
  const deals = closedDeals(`Applied tasks ${failure}`, 3);
  failNextCreateOf('tasks', failure);
  await gateAll(deals);
  expect(stack.sandbox.calls().appliedCreateFailed).toBe(1);
  for (const { deal } of deals) {
    const tasks = linked('0-3', deal, '0-27');
    expect([deal, tasks]).toEqual([deal, [stack.sandbox.getObject('deals', deal)!.properties.gate_task_id]]);
  }
  // Everything the failed attempt made was found: nothing was sent again.
  expect(creates()).toBe(1);
});

it('override notes: one note per overridden deal', async () => {
  const deals = closedDeals('Applied notes', 2, HANDOFF_COMPLETE);
  for (const { deal } of deals)
    stack.sandbox.updateObject('deals', deal, { gate_override: 'true', gate_override_reason: 'CEO sign-off' }, { actAs: USER(OWNERS.am) });
  failNextCreateOf('notes');
  await gateAll(deals);
  expect(stack.sandbox.calls().appliedCreateFailed).toBe(1);
  for (const { deal } of deals) {
    expect([deal, stack.sandbox.getObject('deals', deal)!.properties.gate_status]).toEqual([deal, 'overridden']);
    expect([deal, linked('0-3', deal, '0-46')]).toEqual([deal, [expect.any(String)]]);
  }
});

it('customer statuses: one per company, from a pass and from a manual move', async () => {
  const types = await stack.service.runtime.portalTypes();
  const deals = closedDeals('Applied status', 2, HANDOFF_COMPLETE);
  for (const { deal, company } of deals) {
    seedScope(stack.sandbox, stack.names, deal, company, APPROVED_SCOPE);
    seedContract(stack.sandbox, stack.names, deal, company, COMPLETE_CONTRACT);
  }
  failNextCreateOf(types.customerStatus);
  await gateAll(deals);
  expect(stack.sandbox.calls().appliedCreateFailed).toBe(1);
  for (const { deal, company } of deals) {
    expect([deal, stack.sandbox.getObject('deals', deal)!.properties.gate_status]).toEqual([deal, 'passed']);
    expect([company, linked('0-2', company, types.customerStatus)]).toEqual([company, [expect.any(String)]]);
  }

  const manual = seedCompany(stack.sandbox, 'Applied manual status');
  failNextCreateOf(types.customerStatus, 'drop');
  const moved = await (await stack.service.runtime.customerStatus()).set(manual, 'dispute', 'Invoice 7 contested', new Date());
  expect(stack.sandbox.calls().appliedCreateFailed).toBe(1);
  expect(linked('0-2', manual, types.customerStatus)).toEqual([moved.recordId]);
});

it('renewal reminders: one task per due reminder, and the contract log points at it', async () => {
  const types = await stack.service.runtime.portalTypes();
  const company = seedCompany(stack.sandbox, 'Applied renewals');
  const contracts = ['2027-05-31', '2027-05-31'].map(
    (renewal_date, i) =>
      stack.sandbox.createObject(
        stack.names.contract,
        { contract_name: `Applied renewal ${i}`, contract_status: 'active', renewal_date, auto_renew: 'false' },
        {
          associations: [{ toObjectType: 'companies', toObjectId: company }],
        },
      ).id,
  );
  await stack.sandbox.searchIndexed();
  failNextCreateOf('tasks');
  const scan = await (await stack.service.runtime.renewals()).scan({ today: '2027-05-01' });
  expect(stack.sandbox.calls().appliedCreateFailed).toBe(1);
  expect(scan.remindersCreated).toBe(2);
  for (const id of contracts) {
    const tasks = linked(types.contract, id, '0-27');
    const log = parseSentLog(stack.sandbox.getObject(stack.names.contract, id)!.properties.reminders_sent);
    expect([id, tasks]).toEqual([id, [expect.any(String)]]);
    expect([id, log.map((e) => [e.state, e.taskId])]).toEqual([id, [['sent', tasks[0]]]]);
  }
});
