import { startSeededStack } from '../helpers/seeded-stack';
import { type Stack } from '../../scripts/lib/stack';
import { seedDeal, type Names } from '../../scripts/lib/seed';

/**
 * Search is an index that lags writes: right after a run, search still shows the records as they
 * were before it. A second run started at once (a retry, a restart, an operator) must read what
 * the first one wrote, not what search says.
 */
let stack: Stack;
let names: Names;
const TODAY = '2027-03-01';

beforeAll(async () => {
  ({ stack, names } = await startSeededStack());
});
afterAll(async () => stack?.close());
afterEach(() => stack.sandbox.setSearchIndexDelay(50));

const tasksWithKey = () => stack.sandbox.listObjects('tasks').filter((t) => (t.properties.hs_task_body ?? '').includes('reminder-key:'));

it('a renewal scan run again before the index caught up creates no second reminder or lapse task', async () => {
  const contract = (name: string, renewal: string) =>
    stack.sandbox.createObject(names.contract, { contract_name: name, contract_status: 'active', renewal_date: renewal, auto_renew: 'false' }).id;
  const due = Array.from({ length: 20 }, (_, i) => contract(`Due ${i}`, '2027-03-31'));
  const lapsed = Array.from({ length: 20 }, (_, i) => contract(`Lapsed ${i}`, '2027-02-01'));
  await stack.sandbox.idle();
  stack.sandbox.setSearchIndexDelay(3_000);
  const renewals = await stack.service.runtime.renewals();

  const first = await renewals.scan({ today: TODAY });
  expect(first.remindersCreated).toBe(due.length + lapsed.length);
  const second = await renewals.scan({ today: TODAY });

  expect(second.remindersCreated).toBe(0);
  expect(second.lapsed).toBe(0);
  expect(tasksWithKey()).toHaveLength(due.length + lapsed.length);
  for (const id of lapsed) expect(stack.sandbox.getObject(names.contract, id)!.properties.contract_status).toBe('ended');
}, 60_000);

it('a sweep run again before the index caught up reverts and tasks each deal once', async () => {
  const ids = Array.from({ length: 30 }, (_, i) => seedDeal(stack.sandbox, { name: `Lagging ${i}`, stage: 'closedwon' }));
  await stack.sandbox.idle();
  stack.sandbox.setSearchIndexDelay(3_000);

  const first = await stack.sweep();
  const second = await stack.sweep();

  expect(first.reverted).toBe(ids.length);
  expect(second.reverted).toBe(0);
  for (const id of ids) {
    const reverts = stack.sandbox.getObject('deals', id)!.propertiesWithHistory.dealstage!.filter((h) => h.sourceType === 'INTEGRATION');
    expect(reverts).toHaveLength(1);
    expect(stack.sandbox.listObjects('tasks').filter((t) => t.properties.hs_task_body?.includes(`Deal ${id}.`))).toHaveLength(1);
  }
}, 60_000);
