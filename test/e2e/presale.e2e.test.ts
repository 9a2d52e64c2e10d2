import { startStack, type Stack } from '../../scripts/lib/stack';
import { COMMITTED_SCOPE, EARLIEST_FIT, PRESALE_NOW, PROPOSAL_SCOPE, REVIEW_ANSWER } from '../../scripts/lib/presale-seed';
import { HANDOFF_COMPLETE, OWNERS, dragDeal, editAsUser, namesOf, seedCompany, seedDeal, seedOwners, seedScope, type Names } from '../../scripts/lib/seed';
import { dealCardDataSchema } from '../../extensions/app/cards/shared/card-data';
import { signV3 } from '../helpers/sign';

/**
 * Stage playbooks, advising rules, the feasibility review and capacity on the stand-in, through
 * the real service: webhooks, the card API and the daily pass.
 */

let stack: Stack;
let names: Names;
const clock = PRESALE_NOW;

beforeAll(async () => {
  stack = await startStack({ now: () => clock });
  stack.sandbox.setNow(clock);
  await stack.provision();
  names = namesOf(stack.model);
  seedOwners(stack.sandbox);
});
afterAll(async () => stack?.close());

const deal = (id: string) => stack.sandbox.getObject('deals', id)!;
const dealTasks = (id: string) =>
  stack.sandbox
    .listObjects('tasks')
    .filter((t) => (t.properties.hs_task_body ?? '').includes(`playbook:${id}:`) || (t.properties.hs_task_body ?? '').includes(`gate-advice:${id}:`));
const unitTasks = (id: string) => dealTasks(id).filter((t) => (t.properties.hs_task_body ?? '').includes('playbook-key:'));
const adviceTasks = (id: string) => dealTasks(id).filter((t) => (t.properties.hs_task_body ?? '').includes('advice-key:'));
const keyOf = (body: string | undefined) => /playbook-key:(\S+?)</.exec(body ?? '')?.[1];
const statusOfUnit = (id: string, unit: string) =>
  unitTasks(id).find((t) => keyOf(t.properties.hs_task_body) === `playbook:${id}:presentationscheduled:${unit}`)?.properties.hs_task_status;

async function cardCall(path: string, method: 'GET' | 'POST') {
  const url = `${stack.service.url}/api/cards${path}`;
  const res = await fetch(url, { method, headers: signV3({ method, url, body: '', secret: stack.config.HUBSPOT_CLIENT_SECRET }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function postBatch(events: unknown[]): Promise<number> {
  const url = `${stack.service.url}/webhooks/hubspot`;
  const body = JSON.stringify(events);
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...signV3({ url, body, secret: stack.config.HUBSPOT_CLIENT_SECRET }) },
  });
  return res.status;
}

function proposalDeal(name: string): { dealId: string; scopeId: string } {
  const company = seedCompany(stack.sandbox, `${name} Inc`);
  const dealId = seedDeal(stack.sandbox, {
    name,
    companyId: company,
    stage: 'qualifiedtobuy',
    props: { handoff_business_problem: HANDOFF_COMPLETE.handoff_business_problem },
  });
  const scopeId = seedScope(stack.sandbox, names, dealId, company, PROPOSAL_SCOPE);
  return { dealId, scopeId };
}

describe('stage playbooks on the stand-in', () => {
  it('a deal entering the stage gets its units once (re-delivered, moved back and forth), advice without a revert, ticks as deliverables appear', async () => {
    const { dealId, scopeId } = proposalDeal('Globex replatform');
    await dragDeal(stack.sandbox, dealId, 'presentationscheduled');
    expect(deal(dealId).properties.dealstage).toBe('presentationscheduled');
    expect(deal(dealId).properties.gate_status ?? '').toBe('');
    // The scope draft is there already (deliverables, team): no task for it.
    expect(
      unitTasks(dealId)
        .map((t) => keyOf(t.properties.hs_task_body))
        .sort(),
    ).toEqual([`playbook:${dealId}:presentationscheduled:feasibility_review`, `playbook:${dealId}:presentationscheduled:proposal`]);
    expect(unitTasks(dealId).every((t) => t.properties.hubspot_owner_id === OWNERS.rep.id)).toBe(true);
    expect(adviceTasks(dealId)).toHaveLength(1);
    expect(adviceTasks(dealId)[0]!.properties.hs_task_subject).toContain('1 item open in Presentation Scheduled');

    const delivered = stack.sandbox
      .deliveries()
      .filter((d) => d.events.some((e) => String(e.objectId) === dealId && e.propertyValue === 'presentationscheduled'));
    expect(await postBatch(delivered.at(-1)!.events)).toBe(200);
    await dragDeal(stack.sandbox, dealId, 'qualifiedtobuy');
    await dragDeal(stack.sandbox, dealId, 'presentationscheduled');
    expect(unitTasks(dealId)).toHaveLength(2);
    expect(adviceTasks(dealId)).toHaveLength(1);

    await editAsUser(stack.sandbox, names.scope, scopeId, REVIEW_ANSWER, OWNERS.delivery);
    expect(statusOfUnit(dealId, 'feasibility_review')).toBe('COMPLETED');
    expect(statusOfUnit(dealId, 'proposal')).not.toBe('COMPLETED');
    expect(adviceTasks(dealId)[0]!.properties.hs_task_status).toBe('COMPLETED');

    await editAsUser(stack.sandbox, names.scope, scopeId, { proposal_timeline_weeks: '9' }, OWNERS.rep);
    expect(statusOfUnit(dealId, 'proposal')).toBe('COMPLETED');
    expect(unitTasks(dealId)).toHaveLength(2);
  });

  it('Closed Won still enforces: an incomplete deal goes back, here to the advising stage it came from', async () => {
    const { dealId } = proposalDeal('Initech rollout');
    await dragDeal(stack.sandbox, dealId, 'presentationscheduled');
    await dragDeal(stack.sandbox, dealId, 'closedwon');
    expect(deal(dealId).properties).toMatchObject({ dealstage: 'presentationscheduled', gate_status: 'blocked' });
    expect(unitTasks(dealId)).toHaveLength(2);
  });

  it('the daily pass creates what a missed event would have, once', async () => {
    const dealId = seedDeal(stack.sandbox, { name: 'Missed event deal', stage: 'presentationscheduled' });
    const presale = await stack.service.runtime.presale();
    await stack.sandbox.idle();
    const first = await presale.dailyPass(clock);
    expect(
      unitTasks(dealId)
        .map((t) => keyOf(t.properties.hs_task_body))
        .sort(),
    ).toEqual(['feasibility_review', 'proposal', 'scope_draft'].map((u) => `playbook:${dealId}:presentationscheduled:${u}`));
    expect(first.unitsCreated).toBeGreaterThanOrEqual(3);
    const second = await presale.dailyPass(clock);
    expect(second.unitsCreated).toBe(0);
    expect(unitTasks(dealId)).toHaveLength(3);
  });
});

describe('feasibility review and capacity on the deal card', () => {
  it('the rep asks delivery from the card (signed POST); twice is a 409; the card shows the team over in weeks 3–5 and the earliest start that fits', async () => {
    const { dealId, scopeId } = proposalDeal('Umbrella storefront');
    const otherDeal = seedDeal(stack.sandbox, { name: 'Data platform', stage: 'closedwon', at: '2026-06-01T00:00:00Z' });
    seedScope(stack.sandbox, names, otherDeal, undefined, COMMITTED_SCOPE);
    await dragDeal(stack.sandbox, dealId, 'presentationscheduled');
    await stack.sandbox.idle();

    const asked = await cardCall(`/deals/${dealId}/feasibility-review`, 'POST');
    expect(asked.status).toBe(200);
    const card = dealCardDataSchema.parse(asked.body);
    expect(card.gate.mode).toBe('advise');
    expect(card.presale?.review).toMatchObject({ scopeId, status: 'requested' });
    expect(stack.sandbox.getObject(names.scope, scopeId)!.properties.feasibility_review_status).toBe('requested');
    const capacity = card.presale!.capacity!;
    expect(capacity.verdict).toBe('over');
    expect(capacity.overflowWeeks.map((w) => w.scopeWeek)).toEqual([3, 4, 5]);
    expect(capacity.earliestFit).toBe(EARLIEST_FIT);
    expect(capacity.summary.join(' ')).toContain('weeks 3–5');
    expect(card.presale!.units.map((u) => [u.title, u.state])).toEqual([
      ['Scope draft', 'done'],
      ['Delivery feasibility review', 'open'],
      ["Proposal with delivery's timeline", 'open'],
    ]);

    const again = await cardCall(`/deals/${dealId}/feasibility-review`, 'POST');
    expect(again.status).toBe(409);
    expect(String(again.body.message)).toContain('already asked');

    await editAsUser(stack.sandbox, names.scope, scopeId, REVIEW_ANSWER, OWNERS.delivery);
    const after = dealCardDataSchema.parse((await cardCall(`/deals/${dealId}`, 'GET')).body);
    expect(after.presale?.review).toMatchObject({ status: 'feasible_with_changes', committedStart: EARLIEST_FIT, committedTimelineWeeks: 9 });
    expect(after.presale?.capacity?.verdict).toBe('fits');
    expect(after.presale?.capacity?.proposedStart).toBe(EARLIEST_FIT);
  });

  it('a deal without a scope is a 409 that says what to do; an unknown deal is a 404; a closed deal has no pre-sale section', async () => {
    const bare = seedDeal(stack.sandbox, { name: 'No scope yet', stage: 'qualifiedtobuy' });
    const none = await cardCall(`/deals/${bare}/feasibility-review`, 'POST');
    expect(none.status).toBe(409);
    expect(String(none.body.message)).toContain('no Scope yet');
    expect((await cardCall('/deals/99999999/feasibility-review', 'POST')).status).toBe(404);
    const won = seedDeal(stack.sandbox, { name: 'Won long ago', stage: 'closedwon', at: '2026-06-01T00:00:00Z' });
    const card = dealCardDataSchema.parse((await cardCall(`/deals/${won}`, 'GET')).body);
    expect(card.presale ?? null).toBeNull();
    expect(card.gate.mode).toBe('enforce');
  });

  it('npm run capacity’s report: committed scopes only, read by id cursor', async () => {
    const [platform] = await (await stack.service.runtime.presale()).capacityReport(clock, { teamIds: ['platform'], weeks: 8 });
    expect(platform!.countedScopeIds.length).toBeGreaterThanOrEqual(1);
    const week = (d: string) => platform!.weeks.find((w) => w.weekStart === d)!;
    expect(week('2027-03-22').committedHours).toBeCloseTo(100 * platform!.countedScopeIds.length);
    expect(week('2027-03-01').committedHours).toBe(0);
    expect(platform!.proposed).toBeNull();
  });
});
