import { startSeededStack } from '../helpers/seeded-stack';
import { type Stack } from '../../scripts/lib/stack';
import { seedCompany, type Names } from '../../scripts/lib/seed';
import { parseSentLog } from '../../src/renewals/sent-log';

let stack: Stack;
let names: Names;
const TODAY = '2027-03-01';
const COUNT = 12_000;

beforeAll(async () => {
  ({ stack, names } = await startSeededStack());
  const company = seedCompany(stack.sandbox, 'Bulk Holdings');
  // Every contract renews 30 or 31 days from today: all fall in the first search window, past the
  // 10,000-result cap. Those 30 days out are due their 30-day reminder today; those 31 days out are
  // first seen after their 60-day date, so they get the 60-day one today and the 30-day tomorrow.
  for (let i = 0; i < COUNT; i++) {
    stack.sandbox.createObject(
      names.contract,
      { contract_name: `C${i}`, contract_status: 'active', renewal_date: i % 2 ? '2027-03-31' : '2027-04-01', auto_renew: 'false' },
      i < 10 ? { associations: [{ toObjectType: 'companies', toObjectId: company }] } : {},
    );
  }
}, 120_000);
afterAll(async () => stack?.close());

const renewalTasks = () => stack.sandbox.listObjects('tasks').filter((t) => (t.properties.hs_task_body ?? '').includes('reminder-key:'));

it('scans 12,000 contracts completely, within the search limit, and a re-run creates nothing', async () => {
  const renewals = await stack.service.runtime.renewals();
  stack.sandbox.resetCounters();
  const first = await renewals.scan({ today: TODAY });
  const calls = stack.sandbox.calls();
  expect(first.contractsSeen).toBe(COUNT);
  expect(first.remindersCreated).toBe(COUNT);
  expect(calls.searchLimit429).toBe(0);
  // Due reminders are gathered across search pages and written in full batches of 100.
  process.stdout.write(`Renewal scan of ${COUNT} contracts, all due: ${calls.total} calls ${JSON.stringify(calls.byEndpoint)}\n`);
  expect(calls.byEndpoint['POST /crm/v3/objects/{objectType}/batch/create']).toBeLessThanOrEqual(COUNT / 100 + 1);
  expect(calls.injected429 + calls.rollingLimit429).toBe(0);
  expect(renewalTasks()).toHaveLength(COUNT);

  const second = await renewals.scan({ today: TODAY });
  expect(second.remindersCreated).toBe(0);
  expect(renewalTasks()).toHaveLength(COUNT);

  const tomorrow = await renewals.scan({ today: '2027-03-02' });
  expect(tomorrow.remindersCreated).toBe(COUNT / 2);
  const logs = stack.sandbox.listObjects(names.contract).map((c) => ({ renewal: c.properties.renewal_date, log: parseSentLog(c.properties.reminders_sent) }));
  for (const { renewal, log } of logs) {
    expect(log.map((e) => e.key)).toEqual(renewal === '2027-03-31' ? ['2027-03-31:lead:30'] : ['2027-04-01:lead:60', '2027-04-01:lead:30']);
    expect(log.every((e) => e.state === 'sent' && !!e.taskId)).toBe(true);
  }
  expect(new Set(logs.flatMap((l) => l.log.map((e) => e.taskId))).size).toBe(COUNT * 1.5);
}, 120_000);
