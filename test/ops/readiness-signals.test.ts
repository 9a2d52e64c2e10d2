import { seedCompany, seedDeal } from '../../scripts/lib/seed';
import { startFaultStack, type FaultStack } from '../faults/harness';
import { closedWonEvents, postBatch } from '../faults/replicas';
import { waitUntil } from '../helpers/wait-until';

/**
 * /readyz and /metrics on what issue 15 found them blind to, in-process (no Redis): HubSpot hung
 * (timeouts open the circuit; recovery closes it), every webhook refused for its signature, and
 * (with the in-memory queue the Redis mode's tests use the BullMQ one for) a saturated queue.
 */

const readyz = async (stack: FaultStack) => {
  const res = await fetch(`${stack.service.url}/readyz`);
  return { status: res.status, checks: ((await res.json()) as { checks: Record<string, unknown> }).checks };
};
const metric = async (stack: FaultStack, name: string) => {
  const text = await (await fetch(`${stack.service.url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
};
const blocked = (stack: FaultStack, n: number, name: string) =>
  Array.from({ length: n }, (_, i) => {
    const id = seedDeal(stack.sandbox, { name: `${name} ${i}`, companyId: seedCompany(stack.sandbox, `${name} Co ${i}`) });
    stack.sandbox.updateObject('deals', id, { dealstage: 'closedwon' });
    return id;
  });

describe('HubSpot hung, then back', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack({ env: { HUBSPOT_TIMEOUT_MS: '150', HUBSPOT_CIRCUIT_RESET_MS: '400', HUBSPOT_RETRIES: '2' } });
  });
  afterAll(async () => stack?.close());

  it('timeouts open the circuit: calls fail fast, /readyz says why, /metrics shows it; recovery closes it and batches go through again', async () => {
    const deals = blocked(stack, 3, 'Hung');
    expect((await readyz(stack)).status).toBe(200);
    stack.sandbox.setFaults({ latencyMs: 600 });
    // HubSpot's deliveries and its retries: each attempt times out, until the circuit fails the rest at once.
    const hung = [];
    for (let i = 0; i < 3; i++)
      hung.push(
        await postBatch(
          stack.service.url,
          stack.config.HUBSPOT_CLIENT_SECRET,
          closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, deals, 950_000 + i * 10),
        ),
      );
    expect(hung.map((h) => [h.status, h.body.error])).toEqual(hung.map(() => [500, 'batch_failed']));
    expect(Math.max(...hung.map((h) => h.ms))).toBeLessThan(4_000);
    expect(hung.at(-1)!.ms).toBeLessThan(100);
    expect(stack.service.runtime.engine.breaker.state).toBe('open');
    const down = await readyz(stack);
    expect(down.status).toBe(503);
    expect(String(down.checks.hubspot)).toMatch(/circuit is open/);
    expect(await metric(stack, 'throughline_hubspot_circuit_open')).toBe(1);

    stack.sandbox.clearFaults();
    await waitUntil(async () => (await readyz(stack)).status === 200, 'the trial call closes the circuit', 5_000);
    expect(stack.service.runtime.engine.breaker.state).toBe('closed');
    expect(await metric(stack, 'throughline_hubspot_circuit_open')).toBe(0);
    const again = await postBatch(
      stack.service.url,
      stack.config.HUBSPOT_CLIENT_SECRET,
      closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, deals, 900_000),
    );
    expect([again.status, again.body.processed]).toEqual([200, 3]);
    expect(deals.map((id) => stack.sandbox.getObject('deals', id)!.properties.dealstage)).toEqual(['contractsent', 'contractsent', 'contractsent']);
  }, 30_000);
});

describe('every webhook refused for its signature', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
  });
  afterAll(async () => stack?.close());

  it('/readyz is not ready and names the reason and what to check, until a signature verifies again', async () => {
    const events = closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, ['1']);
    for (let i = 0; i < 3; i++) expect((await postBatch(stack.service.url, 'the-wrong-client-secret', events)).status).toBe(401);
    const refused = await readyz(stack);
    expect(refused.status).toBe(503);
    expect(String(refused.checks.webhook_signatures)).toMatch(
      /Every recent webhook \(3\) was refused for its signature: bad_signature ×3; check that HUBSPOT_CLIENT_SECRET/,
    );
    expect(await metric(stack, 'throughline_webhook_signature_refusals_recent')).toBe(3);
    expect(await metric(stack, 'throughline_ready')).toBe(0);

    expect((await postBatch(stack.service.url, stack.config.HUBSPOT_CLIENT_SECRET, [])).status).toBe(200);
    expect((await readyz(stack)).status).toBe(200);
  }, 30_000);
});

describe('the in-memory queue saturated', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack({ env: { QUEUE_MAX_DEPTH: '3', QUEUE_COALESCE_MS: '60000' }, service: { engine: { queue: 'memory' } } });
  });
  afterAll(async () => stack?.close());

  it('answers queued at once, and /readyz says the queue is saturated beyond QUEUE_MAX_DEPTH', async () => {
    const deals = blocked(stack, 5, 'Queued');
    const answer = await postBatch(stack.service.url, stack.config.HUBSPOT_CLIENT_SECRET, closedWonEvents(stack.sandbox, stack.config.HUBSPOT_APP_ID!, deals));
    expect([answer.status, answer.body.queued]).toEqual([200, true]);
    const full = await readyz(stack);
    expect(full.status).toBe(503);
    expect(full.checks.queue).toMatch(/saturated: 5 jobs waiting, limit 3 \(QUEUE_MAX_DEPTH\)/);
    expect(await metric(stack, 'throughline_queue_jobs\\{state="delayed"\\}')).toBe(5);
  }, 30_000);
});
