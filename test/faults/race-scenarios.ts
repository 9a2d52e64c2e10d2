import { PROPOSAL_SCOPE } from '../../scripts/lib/presale-seed';
import { APPROVED_SCOPE, COMPLETE_CONTRACT, HANDOFF_COMPLETE, OWNERS, USER, seedCompany, seedContract, seedDeal, seedScope } from '../../scripts/lib/seed';
import type { RunningService } from '../../src/service';
import { plusDays, type FaultStack } from './harness';
import { closedWonEvents, openGateTasksByDeal, openRemindersByKey, openTasksByKey, postBatch, stageEvents } from './replicas';

/**
 * Two replicas given the same work at the same moment (issue 15): the same webhook batch posted
 * to both at once, round after round, and the renewal scan run on both at once. Whatever the mode
 * (in-process: each replica decides in the request; Redis: both enqueue, workers decide), the
 * portal ends with one open gate task per blocked deal once the next sweep has run (the racers may
 * each make one: the sweep completes the second), none once the deal passes, one customer status per
 * company and one open reminder per reminder key; and, for a stage that advises and has a playbook,
 * one open advice task and one open task per playbook unit; one handoff review task.
 */

export interface RaceResult {
  rounds: number;
  blocked: number;
  /** Deals with other than exactly one open gate task after each round and the sweep that follows it. */
  wrongAfterRound: number[];
  /** Open gate tasks left once every deal passed. */
  openAfterPass: number;
  statusesPerCompany: number[];
}

const settle = async (stack: FaultStack, replicas: RunningService[]) => {
  await Promise.all(replicas.map((r) => r.runtime.engine.queue?.whenIdle()));
  await stack.sandbox.idle();
};

async function postToAll(stack: FaultStack, replicas: RunningService[], dealIds: string[], round: number) {
  await postEventsToAll(stack, replicas, closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, dealIds, 800_000 + round * 1000));
}

/** Posts to `replicas` at once, then waits until every replica in `all` (workers on the same queue) is idle. */
async function postEventsToAll(stack: FaultStack, replicas: RunningService[], events: Array<Record<string, unknown>>, all = replicas) {
  const answers = await Promise.all(replicas.map((r) => postBatch(r.url, stack.config.HUBSPOT_CLIENT_SECRET, events)));
  if (answers.some((a) => a.status !== 200)) throw new Error(`a replica refused the batch: ${JSON.stringify(answers.map((a) => [a.status, a.body]))}`);
  await settle(stack, all);
}

export async function raceTheGate(stack: FaultStack, replicas: RunningService[], options: { deals?: number; rounds?: number } = {}): Promise<RaceResult> {
  const { sandbox, names } = stack;
  const count = options.deals ?? 50;
  const rounds = options.rounds ?? 3;
  const blocked: string[] = [];
  const companies: string[] = [];
  for (let i = 0; i < count; i++) {
    const company = seedCompany(sandbox, `Race Client ${i}`);
    companies.push(company);
    blocked.push(seedDeal(sandbox, { name: `Race deal ${i}`, companyId: company }));
  }
  const result: RaceResult = { rounds, blocked: count, wrongAfterRound: [], openAfterPass: 0, statusesPerCompany: [] };
  for (let round = 0; round < rounds; round++) {
    for (const id of blocked) sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
    await postToAll(stack, replicas, blocked, round);
    // The next pass converges: both racers may have made a task, and a reverted deal sees no more events.
    await replicas[0]!.runtime.sweep();
    await sandbox.idle();
    const open = openGateTasksByDeal(sandbox);
    result.wrongAfterRound.push(blocked.filter((id) => open.get(id) !== 1).length);
  }
  // Every deal gets what it lacked, and the rep closes again: both replicas pass it at once.
  blocked.forEach((id, i) => {
    sandbox.updateObject('deals', id, HANDOFF_COMPLETE, { actAs: USER(OWNERS.rep) });
    seedScope(sandbox, names, id, companies[i], APPROVED_SCOPE);
    seedContract(sandbox, names, id, companies[i], { ...COMPLETE_CONTRACT, contract_name: `Race contract ${i}` });
    sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
  });
  await postToAll(stack, replicas, blocked, rounds);
  result.openAfterPass = [...openGateTasksByDeal(sandbox).entries()].filter(([id]) => blocked.includes(id)).reduce((n, [, c]) => n + c, 0);
  // A customer status is titled with its company's name.
  const statuses = sandbox.listObjects(names.customerStatus).filter((s) => !s.archived);
  result.statusesPerCompany = companies.map((_, i) => statuses.filter((s) => s.properties.status_title === `Race Client ${i}`).length);
  return result;
}

/** Contracts each due one reminder today, scanned by every replica at once: open reminders per key. */
export async function raceTheRenewalScan(stack: FaultStack, replicas: RunningService[], today: string, contracts = 25): Promise<number[]> {
  const { sandbox, names } = stack;
  const company = seedCompany(sandbox, 'Race Renewals');
  for (let i = 0; i < contracts; i++) {
    const renewal = new Date(Date.parse(`${today}T00:00:00Z`) + (2 + i) * 86_400_000).toISOString().slice(0, 10);
    seedContract(sandbox, names, undefined, company, {
      contract_name: `Race renewal ${i}`,
      contract_status: 'active',
      renewal_date: renewal,
      auto_renew: 'false',
    });
  }
  await sandbox.searchIndexed();
  await Promise.all(replicas.map(async (r) => (await r.runtime.renewals()).scan({ today })));
  await sandbox.idle();
  return [...openRemindersByKey(sandbox).values()];
}

/** Open copies per key (0: every copy completed) of the tasks of some deals whose key line is `label`. */
export function openCopiesOf(stack: FaultStack, label: string, dealIds: string[]): number[] {
  const mine = new RegExp(`:(${dealIds.join('|')})(:|$)`);
  return [...openTasksByKey(stack.sandbox, label)].filter(([key]) => mine.test(key)).map(([, n]) => n);
}

const PROPOSAL = 'presentationscheduled';

/**
 * Deals moved into "Proposal" (advising, with a playbook), the same stage batch posted to every
 * replica at once: each may create the advice task and the units. The replicas `passOn` run the
 * playbooks' daily pass at the same moment (beside the scheduler's pass: a stray second scheduler,
 * the CLI). `nextPass` is what comes after: the daily pass and a new stage batch, on one replica.
 */
export async function raceThePlaybookStage(stack: FaultStack, replicas: RunningService[], count = 20, passOn: RunningService[] = []) {
  const { sandbox, names } = stack;
  const deals: string[] = [];
  for (let i = 0; i < count; i++) {
    const company = seedCompany(sandbox, `Stage race ${i}`);
    const id = seedDeal(sandbox, { name: `Stage race deal ${i}`, companyId: company, stage: 'qualifiedtobuy' });
    seedScope(sandbox, names, id, company, { ...PROPOSAL_SCOPE, scope_name: `Stage race scope ${i}` });
    deals.push(id);
  }
  for (const id of deals) sandbox.updateObject('deals', id, { dealstage: PROPOSAL }, { actAs: USER(OWNERS.rep) });
  const events = (first: number) => stageEvents(sandbox, stack.config.HUBSPOT_APP_ID!, deals, PROPOSAL, first);
  await sandbox.searchIndexed();
  await Promise.all([postEventsToAll(stack, replicas, events(900_000)), ...passOn.map(async (r) => (await r.runtime.presale()).dailyPass(new Date()))]);
  const counts = () => ({ advice: openCopiesOf(stack, 'advice-key', deals), units: openCopiesOf(stack, 'playbook-key', deals) });
  const next = replicas[0] ?? passOn[0]!;
  const nextPass = async () => {
    await sandbox.searchIndexed();
    await (await next.runtime.presale()).dailyPass(new Date());
    await postEventsToAll(stack, [next], events(910_000), [...replicas, ...passOn]);
    return counts();
  };
  return { deals, raced: counts(), nextPass };
}

/**
 * Won deals whose handoff review falls due today, the review pass run by every replica at once:
 * open review tasks per deal, and the deals whose recorded task id is not their open task.
 * `nextPass`: the pass again, on the first replica.
 */
export async function raceTheReviewPass(stack: FaultStack, replicas: RunningService[], count = 20) {
  const { sandbox, names } = stack;
  const now = new Date();
  const kickoff = plusDays(now.toISOString().slice(0, 10), -14);
  const deals: string[] = [];
  for (let i = 0; i < count; i++) {
    const company = seedCompany(sandbox, `Review race ${i}`);
    const id = seedDeal(sandbox, { name: `Review race deal ${i}`, companyId: company, stage: 'closedwon', props: { gate_status: 'passed' } });
    seedScope(sandbox, names, id, company, {
      ...APPROVED_SCOPE,
      scope_name: `Review race scope ${i}`,
      delivery_start_date: kickoff,
      hubspot_owner_id: OWNERS.delivery.id,
    });
    deals.push(id);
  }
  const pass = async (on: RunningService[]) => {
    await sandbox.searchIndexed();
    await Promise.all(on.map(async (r) => (await r.runtime.handoffReviews()).dailyPass(now)));
    await sandbox.idle();
    const recorded = (id: string) => sandbox.getObject('tasks', sandbox.getObject('deals', id)!.properties.handoff_review_task_id ?? '');
    return {
      open: openCopiesOf(stack, 'review-key', deals),
      wrongRecorded: deals.filter((id) => recorded(id)?.properties.hs_task_status !== 'NOT_STARTED'),
    };
  };
  return { deals, raced: await pass(replicas), nextPass: () => pass(replicas.slice(0, 1)) };
}

/** A second open copy of each open task of the deals keyed under `label`: what a race before convergence left. */
export function doubleOpenTasks(stack: FaultStack, label: string, dealIds: string[]): number {
  const { sandbox } = stack;
  const mine = new RegExp(`${label}:\\S*:(${dealIds.join('|')})(:|<)`);
  const open = sandbox.listObjects('tasks').filter((t) => t.properties.hs_task_status !== 'COMPLETED' && mine.test(t.properties.hs_task_body ?? ''));
  for (const t of open) {
    const dealId = mine.exec(t.properties.hs_task_body!)![1]!;
    const written = Object.fromEntries(
      Object.entries(t.properties).filter(([name]) => name.startsWith('hs_task_') || name === 'hubspot_owner_id' || name === 'hs_timestamp'),
    );
    sandbox.createObject('tasks', written, { associations: [{ toObjectType: 'deals', toObjectId: dealId }] });
  }
  return open.length;
}

/** Overridden deals closed and posted to every replica at once, then the sweep: override notes per deal. */
export async function raceTheOverride(stack: FaultStack, replicas: RunningService[], count = 20): Promise<{ beforeSweep: number[]; afterSweep: number[] }> {
  const { sandbox } = stack;
  const ids = Array.from({ length: count }, (_, i) =>
    seedDeal(sandbox, { name: `Race override ${i}`, companyId: seedCompany(sandbox, `Override Client ${i}`) }),
  );
  for (const id of ids) {
    sandbox.updateObject('deals', id, { gate_override: 'true', gate_override_reason: 'CEO signed off' }, { actAs: USER(OWNERS.am) });
    sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
  }
  const notesPerDeal = async () => {
    const overrideNotes = new Set(
      sandbox
        .listObjects('notes')
        .filter((n) => !n.archived && n.properties.hs_note_body?.includes('Close gate overridden'))
        .map((n) => n.id),
    );
    const links = await replicas[0]!.runtime.gateway.associationsOf('deals', 'notes', ids);
    return ids.map((id) => (links.get(id) ?? []).filter((l) => overrideNotes.has(l.id)).length);
  };
  await postToAll(stack, replicas, ids, 90);
  const beforeSweep = await notesPerDeal();
  await replicas[0]!.runtime.sweep();
  await sandbox.idle();
  return { beforeSweep, afterSweep: await notesPerDeal() };
}
