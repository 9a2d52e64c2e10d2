import { seedCompany, seedDeal } from '../../scripts/lib/seed';
import type { ServiceOptions } from '../../src/service';
import { startFaultStack, type FaultStack } from '../faults/harness';
import { closedWonEvents, openGateTasksByDeal, postBatch } from '../faults/replicas';
import { describeWithRedis, type TestRedis } from '../helpers/test-redis';

/**
 * A webhook batch of 40 deals, queued: the workers take the 40 ready jobs (one per deal, each
 * under its own lease) as one batch, one gate run with one set of batch calls, so queue mode costs
 * what deciding the batch in the request costs. One job per deal, before, cost about 8 calls per
 * blocked deal (over 300 for these 40). Both queues, the in-memory one and BullMQ on Redis.
 */
const DEALS = 40;

async function decideOneBatch(env: Record<string, string>, engine: ServiceOptions['engine']): Promise<{ calls: number; stack: FaultStack; deals: string[] }> {
  const stack = await startFaultStack({ env: { QUEUE_COALESCE_MS: '200', ...env }, service: { engine } });
  const deals = Array.from({ length: DEALS }, (_, i) => {
    const id = seedDeal(stack.sandbox, { name: `Batched ${i}`, companyId: seedCompany(stack.sandbox, `Batched Co ${i}`) });
    stack.sandbox.updateObject('deals', id, { dealstage: 'closedwon' });
    return id;
  });
  // Warm the caches (pipelines, portal types) the first batch would read either way.
  await (await stack.service.runtime.gate()).gateDeals([], new Date());
  await stack.service.runtime.portalTypes();
  await stack.service.runtime.pipelines.all();
  stack.sandbox.resetCounters();
  const answer = await postBatch(stack.service.url, stack.config.HUBSPOT_CLIENT_SECRET, closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, deals));
  expect([answer.status, answer.body.queued]).toEqual([200, true]);
  await stack.service.runtime.engine.queue!.whenIdle();
  return { calls: stack.sandbox.calls().total, stack, deals };
}

function expectEveryDealBlockedOnce(stack: FaultStack, deals: string[]): void {
  const tasks = openGateTasksByDeal(stack.sandbox);
  expect(deals.filter((id) => stack.sandbox.getObject('deals', id)!.properties.dealstage !== 'contractsent' || tasks.get(id) !== 1)).toEqual([]);
}

describe('queued jobs run as one gate batch (in-memory queue)', () => {
  let stack: FaultStack | undefined;
  afterAll(async () => stack?.close());

  it(`decides ${DEALS} queued deals with one gate batch's calls (two on a slow machine, never one per deal)`, async () => {
    const run = await decideOneBatch({}, { queue: 'memory' });
    stack = run.stack;
    process.stdout.write(`in-memory queue: ${run.calls} HubSpot calls for ${DEALS} blocked deals\n`);
    expectEveryDealBlockedOnce(run.stack, run.deals);
    expect(run.calls).toBeLessThanOrEqual(16);
  }, 60_000);
});

describeWithRedis('queued jobs run as one gate batch (BullMQ on Redis)', (redis: TestRedis) => {
  let stack: FaultStack | undefined;
  afterAll(async () => stack?.close());

  it(`decides ${DEALS} queued deals with one gate batch's calls (two on a slow machine, never one per deal)`, async () => {
    const run = await decideOneBatch({ REDIS_URL: redis.url }, { redisPrefix: `${redis.prefix}:batched` });
    stack = run.stack;
    process.stdout.write(`BullMQ queue: ${run.calls} HubSpot calls for ${DEALS} blocked deals\n`);
    expectEveryDealBlockedOnce(run.stack, run.deals);
    expect(run.calls).toBeLessThanOrEqual(16);
  }, 60_000);
});
