import { APPROVED_SCOPE, COMPLETE_CONTRACT, HANDOFF_COMPLETE, OWNERS, USER, seedCompany, seedContract, seedDeal, seedScope } from '../../scripts/lib/seed';
import type { CallObserver } from '../../src/hubspot/crm-gateway';
import type { SandboxObject } from '@throughline/sandbox';
import { startFaultStack, type FaultStack } from './harness';

/**
 * The service killed in the middle of a batch, at every write in turn, then started again.
 *
 * A crash is modelled at the only place it can matter: between two HubSpot writes. The gateway's
 * observe hook throws right after the k-th successful write of the batch (the write happened; the
 * process "dies" before the next) and makes every later call of that instance fail, as a dead
 * process would. The instance is then closed and a fresh one (new runtime, caches, locks) starts on
 * the same port. HubSpot's re-delivery (or, with re-delivery off, the sweep alone) must bring every
 * deal to the state a clean run gives: one task per blocked deal, contracts activated, one customer
 * status per company, one override note, the earlier task completed.
 */

class Crash extends Error {}

const isWrite = (operation: string) => /^(batch update|batch create|update|associate)\b/.test(operation);

function crashHook() {
  let armedAt: number | undefined;
  let writes = 0;
  let dead = false;
  const log: string[] = [];
  let onCrash: () => void = () => undefined;
  const crashed = new Promise<void>((resolve) => (onCrash = resolve));
  const observe: CallObserver = (operation, outcome) => {
    if (dead) throw new Crash('this instance is dead');
    const write = outcome === 'ok' && isWrite(operation);
    if (write) {
      log.push(operation);
      writes++;
    }
    if (armedAt === 0 || (write && armedAt !== undefined && writes >= armedAt)) {
      dead = true;
      onCrash();
      throw new Crash(`killed after write ${writes} (${operation})`);
    }
  };
  return {
    observe,
    log,
    crashed,
    /** Crash after the k-th write from now (k = 0: after the first call of any kind, a read). */
    arm(k: number) {
      writes = 0;
      log.length = 0;
      armedAt = k;
    },
  };
}

interface Cohort {
  blocked: string;
  passing: string;
  passingContract: string;
  overridden: string;
  fixed: string;
  fixedTask: string;
  fixedContract: string;
  stillBlocked: string;
  stillBlockedTask: string;
  companies: string[];
}

const gateTasks = (s: FaultStack, dealId: string): SandboxObject[] =>
  s.sandbox.listObjects('tasks').filter((t) => t.properties.hs_task_body?.includes(`Deal ${dealId}.`));

/** Five deals that between them take every write path of the gate. */
async function seedCohort(s: FaultStack, tag: string): Promise<Cohort> {
  const { sandbox, names } = s;
  const company = (n: string) => seedCompany(sandbox, `${tag} ${n}`);
  const companies = ['Blocked', 'Passing', 'Override', 'Fixed', 'Still'].map(company);
  const [c0, c1, c2, c3, c4] = companies as [string, string, string, string, string];

  const blocked = seedDeal(sandbox, { name: `${tag} blocked`, companyId: c0 });
  const passing = seedDeal(sandbox, { name: `${tag} passing`, companyId: c1, props: HANDOFF_COMPLETE });
  seedScope(sandbox, names, passing, c1, APPROVED_SCOPE);
  const passingContract = seedContract(sandbox, names, passing, c1, COMPLETE_CONTRACT);
  const overridden = seedDeal(sandbox, { name: `${tag} override`, companyId: c2, props: HANDOFF_COMPLETE });
  sandbox.updateObject('deals', overridden, { gate_override: 'true', gate_override_reason: `${tag}: signed off by the CEO` }, { actAs: USER(OWNERS.am) });

  // Two deals the gate blocked before: one fixed since, one still incomplete.
  const fixed = seedDeal(sandbox, { name: `${tag} fixed`, companyId: c3 });
  const stillBlocked = seedDeal(sandbox, { name: `${tag} still`, companyId: c4 });
  for (const id of [fixed, stillBlocked]) sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
  await (await s.service.runtime.gate()).gateDeals([fixed, stillBlocked], new Date());
  sandbox.updateObject('deals', fixed, HANDOFF_COMPLETE, { actAs: USER(OWNERS.rep) });
  seedScope(sandbox, names, fixed, c3, APPROVED_SCOPE);
  const fixedContract = seedContract(sandbox, names, fixed, c3, COMPLETE_CONTRACT);
  return {
    blocked,
    passing,
    passingContract,
    overridden,
    fixed,
    fixedContract,
    stillBlocked,
    companies,
    fixedTask: gateTasks(s, fixed)[0]!.id,
    stillBlockedTask: gateTasks(s, stillBlocked)[0]!.id,
  };
}

const closeAll = (s: FaultStack, c: Cohort) => {
  for (const id of [c.blocked, c.passing, c.overridden, c.fixed, c.stillBlocked]) {
    s.sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep), emitWebhooks: true });
  }
};

function expectConverged(s: FaultStack, c: Cohort, tag: string): void {
  const { sandbox, names } = s;
  const deal = (id: string) => sandbox.getObject('deals', id)!;
  const stageAndStatus = (id: string) => [deal(id).properties.dealstage, deal(id).properties.gate_status];

  expect(stageAndStatus(c.blocked)).toEqual(['contractsent', 'blocked']);
  expect(gateTasks(s, c.blocked)).toHaveLength(1);
  expect(deal(c.blocked).properties.gate_task_id).toBe(gateTasks(s, c.blocked)[0]!.id);

  expect(stageAndStatus(c.stillBlocked)).toEqual(['contractsent', 'blocked']);
  expect(gateTasks(s, c.stillBlocked).map((t) => t.id)).toEqual([c.stillBlockedTask]);
  expect(deal(c.stillBlocked).properties.gate_task_id).toBe(c.stillBlockedTask);

  expect(stageAndStatus(c.passing)).toEqual(['closedwon', 'passed']);
  expect(sandbox.getObject(names.contract, c.passingContract)!.properties.contract_status).toBe('active');

  expect(stageAndStatus(c.overridden)).toEqual(['closedwon', 'overridden']);
  const notes = sandbox.listObjects('notes').filter((n) => n.properties.hs_note_body?.includes(`${tag}: signed off by the CEO`));
  expect(notes).toHaveLength(1);

  expect(stageAndStatus(c.fixed)).toEqual(['closedwon', 'passed']);
  expect(sandbox.getObject('tasks', c.fixedTask)!.properties.hs_task_status).toBe('COMPLETED');
  expect(gateTasks(s, c.fixed)).toHaveLength(1);
  expect(sandbox.getObject(names.contract, c.fixedContract)!.properties.contract_status).toBe('active');

  const statuses = sandbox.listObjects(names.customerStatus).filter((st) => st.properties.status_title?.startsWith(`${tag} `));
  expect(statuses.map((st) => [st.properties.status_title, st.properties.status]).sort()).toEqual(
    [`${tag} Passing`, `${tag} Override`, `${tag} Fixed`].sort().map((t) => [t, 'onboarding']),
  );
  for (const st of statuses) expect([st.properties.status_title, st.properties.engagements_count]).toEqual([st.properties.status_title, '1']);
}

/**
 * The writes of a clean batch of the cohort, and the crash window after each. The five before the
 * commit run together (their order varies from run to run), so a crash after write k leaves some k
 * of them made; the tasks' update comes before their create.
 */
const CLEAN_WRITES: Array<[write: string, crashWindow: string]> = [
  ['(none)', 'during the reads, before any write'],
  ['batch update tasks', 'one write made'],
  ['batch create tasks', 'two writes made'],
  ['batch update contracts', 'three writes made'],
  ['batch create notes', 'four writes made'],
  ['batch create customer statuses', 'every write but the deal update'],
  ['batch update deals', 'after the commit'],
].map(([w, c]) => [w!, c!]);

describe.each([
  { name: 'HubSpot re-delivers the batch', maxAttempts: 10 },
  { name: 'no re-delivery: the sweep alone', maxAttempts: 1 },
])('killed mid-batch, restarted — $name', ({ maxAttempts }) => {
  let stack: FaultStack;
  let hook = crashHook();
  let writesInCleanRun: string[] = [];

  beforeAll(async () => {
    stack = await startFaultStack({ sandbox: { webhookMaxAttempts: maxAttempts }, service: { observe: hook.observe } });
    // A clean run of the same cohort: how many writes a batch makes, hence every crash point.
    const c = await seedCohort(stack, 'Clean');
    hook.arm(Number.POSITIVE_INFINITY);
    closeAll(stack, c);
    await stack.sandbox.idle();
    writesInCleanRun = [...hook.log];
    process.stdout.write(`writes of a clean batch: ${writesInCleanRun.join(' · ')}\n`);
    expectConverged(stack, c, 'Clean');
  });
  afterAll(async () => stack?.close());

  it('a clean batch makes six writes, the deal update (the commit) last', async () => {
    const types = await stack.service.runtime.portalTypes();
    const named = writesInCleanRun.map((w) => w.replace(types.contract, 'contracts').replace(types.customerStatus, 'customer statuses'));
    const expected = CLEAN_WRITES.slice(1).map(([write]) => write);
    expect(named.at(-1)).toBe('batch update deals');
    expect([...named].sort()).toEqual([...expected].sort());
    expect(named.indexOf('batch update tasks')).toBeLessThan(named.indexOf('batch create tasks'));
  });

  it.each(CLEAN_WRITES.map(([, window], k) => [k, window] as const))('killed after write %i (%s) → the restarted service converges', async (k) => {
    const tag = `Crash${maxAttempts}-${k}`;
    const c = await seedCohort(stack, tag);
    hook.arm(k);
    closeAll(stack, c);
    await hook.crashed;
    hook = crashHook();
    await stack.restartService({ observe: hook.observe });
    await stack.sandbox.idle();
    const sweep = await stack.sweep();
    await stack.sandbox.idle();
    // Before the commit the deals are still unmarked: the sweep finds them (re-delivery may have been first).
    if (maxAttempts === 1 && k < writesInCleanRun.length) expect(sweep.candidates).toBeGreaterThan(0);
    expectConverged(stack, c, tag);
  });
});
