import { startStack, type Stack } from '../../scripts/lib/stack';
import { namesOf, seedCompany, seedOwners, type Names } from '../../scripts/lib/seed';
import { parseSentLog } from '../../src/renewals/sent-log';

let stack: Stack;
let names: Names;
const COUNT = 300;

beforeEach(async () => {
  stack = await startStack({ env: { HUBSPOT_RETRIES: '0' } });
  await stack.provision();
  names = namesOf(stack.model);
  seedOwners(stack.sandbox);
  const company = seedCompany(stack.sandbox, 'Crash Test Co');
  for (let i = 0; i < COUNT; i++) {
    stack.sandbox.createObject(
      names.contract,
      { contract_name: `K${i}`, contract_status: 'active', renewal_date: '2027-05-30', auto_renew: 'false' },
      {
        associations: [{ toObjectType: 'companies', toObjectId: company }],
      },
    );
  }
  await stack.sandbox.searchIndexed(); // a portal seeded before the scan, not moments before
});
afterEach(async () => stack?.close());

const tasksPerContract = () => {
  const tasks = stack.sandbox.listObjects('tasks').filter((t) => (t.properties.hs_task_body ?? '').includes('reminder-key:'));
  return tasks.length;
};

/** Fails the n-th task create or contract update of a scan, once: a crash at exactly that point. */
function failNth(what: 'create' | 'update', n: number): void {
  const gateway = stack.service.runtime.gateway;
  const method = what === 'create' ? 'createMany' : 'updateMany';
  const real = gateway[method].bind(gateway) as (type: string, inputs: unknown[]) => Promise<unknown>;
  let seen = 0;
  (gateway as unknown as Record<string, unknown>)[method] = async (type: string, inputs: unknown[]) => {
    const counted = what === 'create' ? type === 'tasks' : type !== 'tasks' && type !== 'deals';
    if (counted && ++seen === n) throw new Error(`simulated crash at ${method} #${n}`);
    return real(type, inputs);
  };
}

it.each([
  // Per page of contracts: one pending write, one task create, one "sent" write (each batched).
  ['while recording reminders as pending', 'update', 1],
  ['while creating the tasks (reminders recorded as pending)', 'create', 1],
  ['after creating the tasks, before marking them sent', 'update', 2],
  ['on the second page, after the first page completed', 'update', 3],
] as const)(
  'a scan that crashes %s converges on a re-run with nothing doubled or lost',
  async (_when, endpoint, n) => {
    const renewals = await stack.service.runtime.renewals();
    failNth(endpoint, n);
    await expect(renewals.scan({ today: '2027-03-01' })).rejects.toThrow(/simulated crash/);
    const rerun = await renewals.scan({ today: '2027-03-01' });
    expect(rerun.contractsSeen).toBe(COUNT);
    expect(tasksPerContract()).toBe(COUNT);
    const logs = stack.sandbox.listObjects(names.contract).map((c) => parseSentLog(c.properties.reminders_sent));
    expect(logs.filter((l) => !(l.length === 1 && l[0]!.state === 'sent')).slice(0, 2)).toEqual([]);
    expect(new Set(logs.map((l) => l[0]!.taskId)).size).toBe(COUNT);
    expect((await renewals.scan({ today: '2027-03-01' })).remindersCreated).toBe(0);
    const status = stack.sandbox.listObjects(names.customerStatus).filter((c) => c.properties.status_title === 'Crash Test Co');
    expect(status.map((c) => c.properties.status)).toEqual(['renewal']);
  },
  60_000,
);
