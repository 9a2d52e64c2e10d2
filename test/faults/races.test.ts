import type { RunningService } from '../../src/service';
import { startFaultStack, type FaultStack } from './harness';
import { doubleOpenTasks, openCopiesOf, raceThePlaybookStage, raceTheGate, raceTheOverride, raceTheRenewalScan, raceTheReviewPass } from './race-scenarios';
import { startReplica } from './replicas';

/**
 * In-process mode (no REDIS_URL): two replicas, each deciding in the request with its own locks,
 * given the same batch at the same moment. Nothing keeps them apart, so both may create; the
 * convergence (keep the oldest copy of a key, close the others) leaves one of each. Before it,
 * every deal ended with two open gate tasks (issue 15). The Redis mode: test/queue/races.redis.test.ts.
 */

let stack: FaultStack;
let other: RunningService;
beforeAll(async () => {
  // One stand-in round trip of latency, so the two replicas' reads and creates overlap.
  stack = await startFaultStack({ sandbox: { faults: { latencyMs: 15 } } });
  other = await startReplica(stack);
}, 60_000);
afterAll(async () => {
  await other?.close();
  await stack?.close();
});

it('two replicas given the same batch at once, round after round: one open gate task per blocked deal, none once it passes, one customer status per company', async () => {
  const result = await raceTheGate(stack, [stack.service, other], { deals: 40, rounds: 3 });
  expect(result.wrongAfterRound).toEqual([0, 0, 0]);
  expect(result.openAfterPass).toBe(0);
  expect(result.statusesPerCompany).toEqual(result.statusesPerCompany.map(() => 1));
}, 120_000);

it('the renewal scan on two replicas at once: one open reminder per reminder key', async () => {
  const open = await raceTheRenewalScan(stack, [stack.service, other], '2027-03-01');
  expect(open.length).toBeGreaterThanOrEqual(25);
  expect(open.filter((n) => n !== 1)).toEqual([]);
}, 60_000);

const ones = (n: number) => Array.from({ length: n }, () => 1);

it('a stage that advises and has a playbook, its batch given to two replicas at once: one open advice task per deal and one open task per unit, still so after the next pass', async () => {
  const race = await raceThePlaybookStage(stack, [stack.service, other]);
  // Two units per deal: the scope draft is already delivered (the deal has its scope).
  expect(race.raced).toEqual({ advice: ones(race.deals.length), units: ones(race.deals.length * 2) });
  expect(await race.nextPass()).toEqual(race.raced);
}, 60_000);

it('the playbooks pass on two replicas at once: one open task per unit, still so after the next pass', async () => {
  const race = await raceThePlaybookStage(stack, [], 20, [stack.service, other]);
  expect(race.raced.units).toEqual(ones(race.deals.length * 2));
  // The next pass's stage batch is the first the gate sees: it makes the advice tasks, once.
  expect(await race.nextPass()).toEqual({ ...race.raced, advice: ones(race.deals.length) });
}, 60_000);

it('advice and unit tasks left doubled by an earlier race: the next pass completes the second copy of each key, keeping the oldest', async () => {
  const race = await raceThePlaybookStage(stack, [stack.service]);
  const firstIds = stack.sandbox
    .listObjects('tasks')
    .filter((t) => t.properties.hs_task_status !== 'COMPLETED')
    .map((t) => t.id);
  expect(doubleOpenTasks(stack, 'advice-key', race.deals) + doubleOpenTasks(stack, 'playbook-key', race.deals)).toBe(race.deals.length * 3);
  expect(openCopiesOf(stack, 'advice-key', race.deals)).toEqual(race.deals.map(() => 2));
  expect(await race.nextPass()).toEqual(race.raced);
  const open = stack.sandbox
    .listObjects('tasks')
    .filter((t) => t.properties.hs_task_status !== 'COMPLETED' && /(advice|playbook)-key:/.test(t.properties.hs_task_body ?? ''));
  expect(open.filter((t) => !firstIds.includes(t.id)).map((t) => t.id)).toEqual([]);
}, 60_000);

it('the handoff review pass on two replicas at once: one open review task per deal, the one the deal records, still so after the next pass', async () => {
  const race = await raceTheReviewPass(stack, [stack.service, other]);
  expect(race.raced).toEqual({ open: ones(race.deals.length), wrongRecorded: [] });
  expect(await race.nextPass()).toEqual(race.raced);
}, 60_000);

it('overridden deals passed by two replicas at once: one override note per deal once the next sweep has run', async () => {
  const { beforeSweep, afterSweep } = await raceTheOverride(stack, [stack.service, other]);
  // Both racers found no note and wrote one: the sweep archives the second copy of each.
  expect(beforeSweep.some((n) => n > 1)).toBe(true);
  expect(afterSweep).toEqual(afterSweep.map(() => 1));
}, 60_000);
