import type { RunningService } from '../../src/service';
import { startFaultStack, type FaultStack } from './harness';
import { raceTheGate, raceTheRenewalScan } from './race-scenarios';
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
