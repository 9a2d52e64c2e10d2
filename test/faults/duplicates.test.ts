import { APPROVED_SCOPE, COMPLETE_CONTRACT, HANDOFF_COMPLETE, OWNERS, USER, seedCompany, seedContract, seedDeal, seedScope } from '../../scripts/lib/seed';
import { hubspotEvent, signV3 } from '../helpers/sign';
import { waitUntil } from '../helpers/wait-until';
import { startFaultStack, type FaultStack } from './harness';

/**
 * 1,000 events, 20% of them duplicates, shuffled and delivered as ten concurrent batches of 100
 * (HubSpot's batch size and default concurrency): exactly one effect per transition, and a late
 * re-delivery of everything changes nothing.
 */

const TRANSITIONS = 800;
const DUPLICATES = 200;

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack();
});
afterAll(async () => stack?.close());

/** mulberry32, for a shuffle that is the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function post(events: unknown[]): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = `${stack.service.url}/webhooks/hubspot`;
  const body = JSON.stringify(events);
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...signV3({ url, body, secret: stack.config.HUBSPOT_CLIENT_SECRET }) },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

it('1,000 events with 20% duplicates, shuffled, in 10 concurrent batches: exactly one effect per transition', async () => {
  const { sandbox, names } = stack;
  const ready = new Set<string>();
  const deals: string[] = [];
  for (let i = 0; i < TRANSITIONS; i++) {
    const company = seedCompany(sandbox, `Dup Client ${i}`);
    if (i % 2 === 0) {
      const id = seedDeal(sandbox, { name: `Dup ready ${i}`, companyId: company, props: HANDOFF_COMPLETE });
      seedScope(sandbox, names, id, company, APPROVED_SCOPE);
      seedContract(sandbox, names, id, company, { ...COMPLETE_CONTRACT, contract_name: `Dup contract ${i}` });
      ready.add(id);
      deals.push(id);
    } else {
      deals.push(seedDeal(sandbox, { name: `Dup incomplete ${i}`, companyId: company }));
    }
  }
  for (const id of deals) sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });

  const random = prng(20261121);
  const event = (id: string, n: number, attemptNumber: number) =>
    hubspotEvent({
      eventId: 500_000 + n,
      objectId: Number(id),
      propertyValue: 'closedwon',
      changeSource: 'CRM_UI',
      sourceId: `userId:${OWNERS.rep.userId}`,
      portalId: sandbox.portalId,
      appId: Number(stack.config.HUBSPOT_APP_ID),
      occurredAt: Date.now(),
      attemptNumber,
    });
  const originals = deals.map((id, n) => event(id, n, 0));
  // Duplicates as HubSpot makes them: the same event again (same eventId), sometimes as a later attempt.
  const duplicates = Array.from({ length: DUPLICATES }, () => {
    const n = Math.floor(random() * TRANSITIONS);
    return event(deals[n]!, n, random() < 0.5 ? 0 : 1);
  });
  const all = [...originals, ...duplicates];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  expect(all).toHaveLength(1_000);

  sandbox.resetCounters();
  const batches = Array.from({ length: 10 }, (_, b) => all.slice(b * 100, b * 100 + 100));
  const answers = await Promise.all(batches.map(post));
  expect(answers.map((a) => [a.status, a.body.processed])).toEqual(batches.map(() => [200, 100]));
  // A batch answered `deferred` (past 4 s on a busy machine) goes on after its answer.
  await waitUntil(() => deals.every((id) => !!sandbox.getObject('deals', id)!.properties.gate_status), 'every batch finished', 30_000);
  await sandbox.idle();

  const snapshot = () => {
    const tasks = sandbox.listObjects('tasks');
    const tasksByDeal = new Map<string, number>();
    for (const t of tasks) {
      const m = / Deal (\d+)\.<\/p>$/.exec(t.properties.hs_task_body ?? '');
      if (m) tasksByDeal.set(m[1]!, (tasksByDeal.get(m[1]!) ?? 0) + 1);
    }
    return { tasks: tasks.length, tasksByDeal, statuses: sandbox.listObjects(names.customerStatus).length, notes: sandbox.listObjects('notes').length };
  };
  const effects = snapshot();

  for (const id of deals) {
    const d = sandbox.getObject('deals', id)!;
    const gateWrites = d.propertiesWithHistory.gate_status!.filter((h) => h.sourceType === 'INTEGRATION');
    if (ready.has(id)) {
      expect([id, d.properties.dealstage, gateWrites.map((h) => h.value)]).toEqual([id, 'closedwon', ['passed']]);
      expect(effects.tasksByDeal.get(id)).toBeUndefined();
    } else {
      const reverts = d.propertiesWithHistory.dealstage!.filter((h) => h.sourceType === 'INTEGRATION');
      expect([id, reverts.map((h) => h.value), gateWrites.map((h) => h.value)]).toEqual([id, ['contractsent'], ['blocked']]);
      expect([id, effects.tasksByDeal.get(id)]).toEqual([id, 1]);
    }
  }
  const contracts = sandbox.listObjects(names.contract).filter((c) => c.properties.contract_name?.startsWith('Dup contract'));
  for (const c of contracts) expect(c.propertiesWithHistory.contract_status!.filter((h) => h.value === 'active')).toHaveLength(1);
  expect(effects.tasks).toBe(TRANSITIONS / 2);
  expect(effects.statuses).toBe(TRANSITIONS / 2);

  // Much later, HubSpot re-delivers all 1,000 (a replay, an incident on their side): nothing moves.
  const writesBefore = sandbox.calls().byEndpoint['POST /crm/v3/objects/{objectType}/batch/update'];
  const late = await Promise.all(batches.map(post));
  expect(late.map((a) => a.status)).toEqual(batches.map(() => 200));
  await sandbox.idle();
  const after = snapshot();
  expect([after.tasks, after.statuses, after.notes]).toEqual([effects.tasks, effects.statuses, effects.notes]);
  expect(sandbox.calls().byEndpoint['POST /crm/v3/objects/{objectType}/batch/update']).toBe(writesBefore);
  expect(sandbox.calls().byEndpoint['POST /crm/v3/objects/{objectType}/batch/create']).toBeLessThanOrEqual(20);
}, 30_000);
