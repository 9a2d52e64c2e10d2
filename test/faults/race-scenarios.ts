import { APPROVED_SCOPE, COMPLETE_CONTRACT, HANDOFF_COMPLETE, OWNERS, USER, seedCompany, seedContract, seedDeal, seedScope } from '../../scripts/lib/seed';
import type { RunningService } from '../../src/service';
import type { FaultStack } from './harness';
import { closedWonEvents, openGateTasksByDeal, openRemindersByKey, postBatch } from './replicas';

/**
 * Two replicas given the same work at the same moment (issue 15): the same webhook batch posted
 * to both at once, round after round, and the renewal scan run on both at once. Whatever the mode
 * (in-process: each replica decides in the request; Redis: both enqueue, workers decide), the
 * portal ends with one open gate task per blocked deal once the next sweep has run (the racers may
 * each make one: the sweep completes the second), none once the deal passes, one customer status per
 * company and one open reminder per reminder key.
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
  const events = closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, dealIds, 800_000 + round * 1000);
  const answers = await Promise.all(replicas.map((r) => postBatch(r.url, stack.config.HUBSPOT_CLIENT_SECRET, events)));
  if (answers.some((a) => a.status !== 200)) throw new Error(`a replica refused the batch: ${JSON.stringify(answers.map((a) => [a.status, a.body]))}`);
  await settle(stack, replicas);
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
