import type { SandboxOptions } from '@throughline/sandbox';
import { seedCompany, seedDeal } from '../../scripts/lib/seed';
import type { ServiceOptions } from '../../src/service';
import { startFaultStack, type FaultStack } from '../faults/harness';
import { raceThePlaybookStage, raceTheGate, raceTheOverride, raceTheRenewalScan, raceTheReviewPass } from '../faults/race-scenarios';
import { closedWonEvents, openGateTasksByDeal, postBatch, startReplica } from '../faults/replicas';
import { signV3 } from '../helpers/sign';
import { describeWithRedis } from '../helpers/test-redis';
import { waitUntil } from '../helpers/wait-until';

/**
 * Queue mode (REDIS_URL set) end to end on the stand-in: receivers that only enqueue, workers on
 * every replica, one leader for the scheduler. Each stack gets its own Redis key prefix.
 */
describeWithRedis('the service in queue mode (REDIS_URL)', (redis) => {
  let n = 0;
  const open: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close();
  });

  async function queueStack(env: Record<string, string> = {}, sandbox: Partial<SandboxOptions> = {}, engine: ServiceOptions['engine'] = {}) {
    const prefix = `${redis.prefix}:${++n}`;
    const stack = await startFaultStack({
      env: { REDIS_URL: redis.url, QUEUE_COALESCE_MS: '30', QUEUE_BACKOFF_MS: '50', ...env },
      service: { engine: { redisPrefix: prefix, ...engine } },
      sandbox,
    });
    open.push(stack);
    const replica = async (options: ServiceOptions = {}) => {
      const r = await startReplica(stack, { ...options, engine: { redisPrefix: prefix, ...engine, ...options.engine } });
      open.push(r);
      return r;
    };
    return { stack, replica };
  }

  const blockedDeals = (stack: FaultStack, count: number, name: string) =>
    Array.from({ length: count }, (_, i) => {
      const id = seedDeal(stack.sandbox, { name: `${name} ${i}`, companyId: seedCompany(stack.sandbox, `${name} Co ${i}`) });
      stack.sandbox.updateObject('deals', id, { dealstage: 'closedwon' });
      return id;
    });

  it('two replicas given the same batch at once: one open gate task per deal, none once it passes, one status per company', async () => {
    const { stack, replica } = await queueStack({}, { faults: { latencyMs: 15 } });
    const result = await raceTheGate(stack, [stack.service, await replica()], { deals: 30, rounds: 2 });
    expect(result.wrongAfterRound).toEqual([0, 0]);
    expect(result.openAfterPass).toBe(0);
    expect(result.statusesPerCompany).toEqual(result.statusesPerCompany.map(() => 1));
  }, 120_000);

  it('the renewal scan on two replicas at once: one open reminder per key', async () => {
    const { stack, replica } = await queueStack();
    const counts = await raceTheRenewalScan(stack, [stack.service, await replica()], '2027-03-01');
    expect(counts.length).toBeGreaterThanOrEqual(25);
    expect(counts.filter((c) => c !== 1)).toEqual([]);
  }, 60_000);

  it('a stage batch that advises and has a playbook, given to two replicas at once: one open advice task and one per unit, still so after the next pass', async () => {
    const { stack, replica } = await queueStack({}, { faults: { latencyMs: 15 } });
    const race = await raceThePlaybookStage(stack, [stack.service, await replica()]);
    expect(race.raced.advice.filter((n) => n !== 1)).toEqual([]);
    expect(race.raced.units.filter((n) => n !== 1)).toEqual([]);
    expect([race.raced.advice.length, race.raced.units.length]).toEqual([race.deals.length, race.deals.length * 2]);
    expect(await race.nextPass()).toEqual(race.raced);
  }, 60_000);

  it('the playbooks pass on two replicas at once (outside the queue): one open task per unit, still so after the next pass', async () => {
    const { stack, replica } = await queueStack({}, { faults: { latencyMs: 15 } });
    const race = await raceThePlaybookStage(stack, [], 20, [stack.service, await replica()]);
    expect([race.raced.units.length, race.raced.units.filter((n) => n !== 1)]).toEqual([race.deals.length * 2, []]);
    // The next pass's stage batch is the first the gate sees: it makes the advice tasks, once.
    expect(await race.nextPass()).toEqual({ ...race.raced, advice: race.deals.map(() => 1) });
  }, 60_000);

  it('the handoff review pass on two replicas at once: one open review task per deal, the one it records', async () => {
    const { stack, replica } = await queueStack({}, { faults: { latencyMs: 15 } });
    const race = await raceTheReviewPass(stack, [stack.service, await replica()]);
    expect(race.raced.open.filter((n) => n !== 1)).toEqual([]);
    expect([race.raced.open.length, race.raced.wrongRecorded]).toEqual([race.deals.length, []]);
    expect(await race.nextPass()).toEqual(race.raced);
  }, 60_000);

  it('overridden deals posted to two replicas at once: one override note per deal, still so after the sweep', async () => {
    const { stack, replica } = await queueStack({}, { faults: { latencyMs: 15 } });
    // One lease per deal: the second job finds the deal settled, so no second note is written at all.
    const { beforeSweep, afterSweep } = await raceTheOverride(stack, [stack.service, await replica()]);
    expect([beforeSweep, afterSweep]).toEqual([beforeSweep.map(() => 1), afterSweep.map(() => 1)]);
  }, 60_000);

  it('answers at once while HubSpot is slow and rate-limiting (300 ms, 30 % 429), and the workers then decide every deal', async () => {
    const { stack, replica } = await queueStack({ QUEUE_CONCURRENCY: '12' });
    await replica();
    const deals = blockedDeals(stack, 40, 'Slow');
    stack.sandbox.resetCounters();
    stack.sandbox.setFaults({ latencyMs: 300, rateLimit429: 0.3 });
    const answer = await postBatch(stack.service.url, stack.config.HUBSPOT_CLIENT_SECRET, closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, deals));
    process.stdout.write(`queue mode, HubSpot at 300 ms + 30 % 429: a ${deals.length}-event batch answered in ${answer.ms} ms\n`);
    expect([answer.status, answer.body.queued, answer.body.processed]).toEqual([200, true, deals.length]);
    // Less than one HubSpot round trip: the receiver made no call.
    expect(answer.ms).toBeLessThan(300);
    await stack.service.runtime.engine.queue!.whenIdle();
    const calls = stack.sandbox.calls();
    process.stdout.write(`queue mode: ${calls.total} HubSpot calls (429s included) for ${deals.length} deals, their jobs decided in batches\n`);
    const tasks = openGateTasksByDeal(stack.sandbox);
    expect(deals.filter((id) => stack.sandbox.getObject('deals', id)!.properties.dealstage !== 'contractsent' || tasks.get(id) !== 1)).toEqual([]);
  }, 120_000);

  it('an exact replay of a signed request is refused by every replica (one seen-set in Redis)', async () => {
    const { stack, replica } = await queueStack();
    const other = await replica();
    const [deal] = blockedDeals(stack, 1, 'Replayed');
    const url = (base: string) => `${base}/webhooks/hubspot`;
    const body = JSON.stringify(closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, [deal!]));
    // Both replicas sit behind one public URL: the signature is over it, so it verifies on either.
    const headers = { 'content-type': 'application/json', ...signV3({ url: url(stack.service.url), body, secret: stack.config.HUBSPOT_CLIENT_SECRET }) };
    const first = await fetch(url(stack.service.url), { method: 'POST', body, headers });
    const again = await fetch(url(other.url), { method: 'POST', body, headers: { ...headers, 'x-forwarded-host': new URL(stack.service.url).host } });
    expect([first.status, again.status]).toEqual([200, 409]);
    expect(((await again.json()) as { error: string }).error).toBe('replayed_request');
  }, 60_000);

  it('jobs left in Redis by a replica that died are run by the next one: nothing lost', async () => {
    const { stack, replica } = await queueStack();
    // A receiver whose workers never ran (a replica killed right after answering).
    const receiver = await replica({ workers: false });
    await stack.service.close(); // the stack's own replica is gone too: nobody works
    const deals = blockedDeals(stack, 20, 'Orphaned');
    const answer = await postBatch(receiver.url, stack.config.HUBSPOT_CLIENT_SECRET, closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, deals));
    expect([answer.status, answer.body.queued]).toEqual([200, true]);
    await receiver.close();
    expect(deals.filter((id) => stack.sandbox.getObject('deals', id)!.properties.dealstage === 'closedwon')).toHaveLength(20);

    const next = await replica();
    expect((await next.runtime.engine.queue!.status()).depth).toBe(20);
    await next.runtime.engine.queue!.whenIdle();
    const tasks = openGateTasksByDeal(stack.sandbox);
    expect(deals.filter((id) => stack.sandbox.getObject('deals', id)!.properties.dealstage !== 'contractsent' || tasks.get(id) !== 1)).toEqual([]);
  }, 60_000);

  it('SCHEDULER=on on every replica: exactly one runs the sweep; when it stops, another takes over', async () => {
    const { stack, replica } = await queueStack({ SCHEDULER: 'on', SWEEP_CRON: '* * * * * *' }, {}, { leaderTtlMs: 600 });
    const replicas = [stack.service, await replica(), await replica()];
    const runs = replicas.map(() => 0);
    replicas.forEach((r, i) => {
      const sweep = r.runtime.sweep;
      r.runtime.sweep = (...args) => (runs[i]!++, sweep(...args));
    });
    await waitUntil(() => runs.reduce((a, b) => a + b) >= 3, 'three sweeps ran', 10_000);
    expect(runs.filter((c) => c > 0)).toHaveLength(1);
    const leader = runs.findIndex((c) => c > 0);
    const before = [...runs];
    await replicas[leader]!.close();
    await waitUntil(() => runs.some((c, i) => i !== leader && c > before[i]!), 'another replica sweeps', 10_000);
    expect(runs.filter((c, i) => i !== leader && c > 0)).toHaveLength(1);
  }, 60_000);

  it('/readyz says the queue is saturated beyond QUEUE_MAX_DEPTH, and /metrics counts the jobs', async () => {
    const { stack } = await queueStack({ QUEUE_MAX_DEPTH: '5', QUEUE_COALESCE_MS: '60000' });
    const deals = blockedDeals(stack, 8, 'Saturated');
    await postBatch(stack.service.url, stack.config.HUBSPOT_CLIENT_SECRET, closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, deals));
    const ready = await fetch(`${stack.service.url}/readyz`);
    const body = (await ready.json()) as { checks: Record<string, string> };
    expect(ready.status).toBe(503);
    expect(body.checks.queue).toMatch(/saturated: 8 jobs waiting, limit 5 \(QUEUE_MAX_DEPTH\)/);
    const metrics = await (await fetch(`${stack.service.url}/metrics`)).text();
    expect(metrics).toMatch(/throughline_queue_jobs\{state="delayed"\} 8/);
    expect(metrics).toMatch(/throughline_ready 0/);
  }, 60_000);
});
