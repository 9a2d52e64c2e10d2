import { startStack, type Stack } from '../../scripts/lib/stack';
import { PRESALE_NOW, PROPOSAL_SCOPE } from '../../scripts/lib/presale-seed';
import { OWNERS, USER, namesOf, seedCompany, seedDeal, seedOwners, seedScope } from '../../scripts/lib/seed';
import { signV3 } from '../helpers/sign';

/**
 * What a full webhook batch of stage changes costs with playbooks on (docs/performance.md):
 * 100 deals entering the advising "Proposal" stage, each getting two unit tasks and one advice
 * task, then the same batch delivered again, which must create nothing.
 *   npx jest test/e2e/presale-batch
 */

let stack: Stack;
const clock = PRESALE_NOW;

beforeAll(async () => {
  stack = await startStack({ now: () => clock });
  stack.sandbox.setNow(clock);
  await stack.provision();
  seedOwners(stack.sandbox);
});
afterAll(async () => stack?.close());

const CREATE = 'POST /crm/v3/objects/{objectType}/batch/create';
const tasksOf = (ids: Set<string>) =>
  stack.sandbox
    .listObjects('tasks')
    .filter((t) => [...(t.properties.hs_task_body ?? '').matchAll(/(?:playbook|gate-advice):(\d+):/g)].some((m) => ids.has(m[1]!)));

it('100 deals entering a playbook stage: units and advice in a handful of batch calls; the batch again creates nothing', async () => {
  const names = namesOf(stack.model);
  const ids: string[] = [];
  for (let i = 0; i < 100; i++) {
    const company = seedCompany(stack.sandbox, `Batch client ${i}`);
    const id = seedDeal(stack.sandbox, { name: `Batch proposal ${i}`, companyId: company, stage: 'qualifiedtobuy' });
    seedScope(stack.sandbox, names, id, company, { ...PROPOSAL_SCOPE, scope_name: `Scope ${i}` });
    ids.push(id);
  }
  const runtime = stack.service.runtime;
  await runtime.pipelines.all(); // warm caches: pipelines, the portal's object types
  await runtime.portalTypes();
  stack.sandbox.resetCounters();
  for (const id of ids) stack.sandbox.updateObject('deals', id, { dealstage: 'presentationscheduled' }, { actAs: USER(OWNERS.rep), emitWebhooks: true });
  await stack.sandbox.idle();
  const delivery = stack.sandbox.deliveries().filter((d) => d.events.some((e) => e.propertyValue === 'presentationscheduled'));
  expect(delivery.map((d) => d.events.length)).toEqual([100]);

  const first = stack.sandbox.calls();
  process.stdout.write(`HubSpot calls for a 100-event stage-change batch with playbooks on: ${first.total} ${JSON.stringify(first.byEndpoint)}\n`);
  const made = tasksOf(new Set(ids));
  expect(made).toHaveLength(300); // feasibility review + proposal units, and the advice task, per deal
  for (const id of ids) expect(stack.sandbox.getObject('deals', id)!.properties.dealstage).toBe('presentationscheduled');
  // Gate (advise, 8): deals, scope, contract and promise associations, scopes (no contracts or
  // promises to read), the advice-task lookup (its association read; no task yet), one create of
  // 100 advice tasks, the second-copy look-up of the keys created (its association read: each deal
  // shows only its own new task, so no task read).
  // Playbooks (8): deals, scope and task associations, scopes, the 100 advice tasks just made, two
  // creates of 200 unit tasks, the second-copy look-up (association read only, as above).
  expect(first.byEndpoint[CREATE]).toBe(3);
  expect(first.total).toBeLessThanOrEqual(16);

  stack.sandbox.resetCounters();
  const url = `${stack.service.url}/webhooks/hubspot`;
  const body = JSON.stringify(delivery[0]!.events);
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...signV3({ url, body, secret: stack.config.HUBSPOT_CLIENT_SECRET }) },
  });
  expect(res.status).toBe(200);
  await stack.sandbox.idle();
  const again = stack.sandbox.calls();
  process.stdout.write(`The same batch delivered again: ${again.total} ${JSON.stringify(again.byEndpoint)}\n`);
  // Reads only: the same loads (the promise links among them), now with 300 tasks to read in each
  // lookup (3 pages of 100 each).
  expect(again.total).toBeLessThanOrEqual(16);
  expect(again.byEndpoint[CREATE] ?? 0).toBe(0);
  expect(again.byEndpoint['POST /crm/v3/objects/{objectType}/batch/update'] ?? 0).toBe(0);
  expect(tasksOf(new Set(ids))).toHaveLength(300);
});
