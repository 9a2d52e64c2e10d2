import { renderCapacityText } from '../../../src/capacity';
import { signRequestV3 } from '../../../src/webhooks/signature';
import type { SandboxObject } from '@throughline/sandbox';
import { COMMITTED_SCOPE, EARLIEST_FIT, PRESALE_NOW, PROPOSAL_SCOPE, REVIEW_ANSWER } from '../presale-seed';
import { HANDOFF_COMPLETE, OWNERS, dragDeal, editAsUser, seedCompany, seedDeal, seedScope } from '../seed';
import type { DemoContext } from './acts';

/** HubSpot's default Sales Pipeline, with the agency's name for presentationscheduled (the id stays). */
const SALES_STAGES: Array<[string, string, string, boolean]> = [
  ['appointmentscheduled', 'Appointment Scheduled', '0.2', false],
  ['qualifiedtobuy', 'Qualified To Buy', '0.4', false],
  ['presentationscheduled', 'Proposal', '0.6', false],
  ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8', false],
  ['contractsent', 'Contract Sent', '0.9', false],
  ['closedwon', 'Closed Won', '1.0', true],
  ['closedlost', 'Closed Lost', '0.0', true],
];

const bodyOf = (t: SandboxObject) => t.properties.hs_task_body ?? '';
const taskKey = (t: SandboxObject) => /(?:playbook|advice)-key:(\S+?)</.exec(bodyOf(t))?.[1] ?? '';
const tasksOf = (ctx: DemoContext, dealId: string) => ctx.stack.sandbox.listObjects('tasks').filter((t) => taskKey(t).includes(`:${dealId}:`));
const unitTask = (ctx: DemoContext, dealId: string, unit: string) =>
  tasksOf(ctx, dealId).find((t) => taskKey(t) === `playbook:${dealId}:presentationscheduled:${unit}`);
const adviceTask = (ctx: DemoContext, dealId: string) => tasksOf(ctx, dealId).find((t) => taskKey(t).startsWith('gate-advice:'));

/** Before the promise: the playbook's units once, delivery's review, the team's capacity, a timeline delivery can keep. */
export async function presaleAct(ctx: DemoContext): Promise<void> {
  const { n, stack, names, ids } = ctx;
  const sb = stack.sandbox;
  ctx.setClock(PRESALE_NOW);
  n.user('Admin', 'renames the stage “Presentation Scheduled” to “Proposal” (HubSpot keeps its id, presentationscheduled, which schemas/ name)');
  sb.seedPipeline({
    id: 'default',
    label: 'Sales Pipeline',
    displayOrder: 0,
    stages: SALES_STAGES.map(([id, label, probability, closed], i) => ({ id, label, displayOrder: i, metadata: { isClosed: String(closed), probability } })),
  });
  await stack.service.runtime.pipelines.refresh();

  ids.globex = seedCompany(sb, 'Globex Retail');
  const running = seedDeal(sb, { name: 'Globex data platform', companyId: ids.globex, stage: 'closedwon', at: '2026-06-01T09:00:00Z' });
  seedScope(sb, names, running, ids.globex, COMMITTED_SCOPE);
  ids.storefront = seedDeal(sb, {
    name: 'Globex storefront replatform',
    companyId: ids.globex,
    stage: 'qualifiedtobuy',
    props: { handoff_business_problem: HANDOFF_COMPLETE.handoff_business_problem },
  });
  ids.storefrontScope = seedScope(sb, names, ids.storefront, ids.globex, PROPOSAL_SCOPE);
  n.throughline(
    'seeded Globex Retail: “Data platform phase 2” is committed to the platform team (300 h, 22 Mar – 9 Apr); the storefront replatform is being sold with a draft scope: 640 h over 8 weeks from 8 Mar.',
  );

  const deal = ids.storefront;
  n.user('Maya (rep)', 'drags “Globex storefront replatform” to Proposal');
  await dragDeal(sb, deal, 'presentationscheduled');
  const made = tasksOf(ctx, deal);
  for (const t of made)
    n.record(`Task for ${Object.values(OWNERS).find((o) => o.id === t.properties.hubspot_owner_id)?.firstName ?? '—'}: ${t.properties.hs_task_subject}`);
  const stayed = sb.getObject('deals', deal)!.properties;
  n.check(
    !!unitTask(ctx, deal, 'feasibility_review') && !!unitTask(ctx, deal, 'proposal') && !unitTask(ctx, deal, 'scope_draft'),
    'the playbook made its units: the feasibility review and the proposal (the scope draft is there already)',
  );
  n.check(
    stayed.dealstage === 'presentationscheduled' && !stayed.gate_status && !!adviceTask(ctx, deal),
    'Proposal advises: the deal stays, with a checklist task, and no close-gate status',
  );

  n.user('HubSpot', 'delivers the same stage-change event again (a retry)');
  const delivery = sb
    .deliveries()
    .filter((d) => d.events.some((e) => String(e.objectId) === deal && e.propertyValue === 'presentationscheduled'))
    .at(-1)!;
  const url = `${stack.service.url}/webhooks/hubspot`;
  const body = JSON.stringify(delivery.events);
  const answer = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...signRequestV3({ method: 'POST', uri: url, body, clientSecret: stack.config.HUBSPOT_CLIENT_SECRET }) },
  });
  n.user('Maya (rep)', 'moves the deal back to Qualified To Buy, then to Proposal again');
  await dragDeal(sb, deal, 'qualifiedtobuy');
  await dragDeal(sb, deal, 'presentationscheduled');
  n.check(
    answer.status === 200 && tasksOf(ctx, deal).length === made.length,
    `still ${made.length} tasks: the units exist once per deal and stage (keys playbook:${deal}:presentationscheduled:…)`,
  );

  n.user('Maya (rep)', 'presses “Ask delivery for a review” on the deal card');
  const cards = await stack.service.runtime.cards();
  const asked = await cards.requestFeasibilityReview(deal);
  const capacity = asked?.presale?.capacity;
  n.throughline(
    `set the scope’s review to ${sb.getObject(names.scope, ids.storefrontScope!)!.properties.feasibility_review_status}; the card’s capacity chart, with this scope on top:`,
  );
  n.record((capacity?.summary ?? []).join('\n'));
  n.check(
    capacity?.verdict === 'over' && capacity.overflowWeeks.map((w) => w.scopeWeek).join(',') === '3,4,5',
    'the platform team would be over capacity in weeks 3–5 of the scope',
  );
  n.check(capacity?.earliestFit === EARLIEST_FIT, `the earliest start that fits: ${EARLIEST_FIT}`);
  n.user('Tom (delivery)', 'npm run capacity -- --team platform --weeks 8');
  const [platform] = await (await stack.service.runtime.presale()).capacityReport(ctx.stack.service.runtime.now(), { teamIds: ['platform'], weeks: 8 });
  n.record(platform ? renderCapacityText(platform) : '(no team)');

  n.user('Tom (delivery)', `answers on the scope: feasible with changes, 9 weeks from ${EARLIEST_FIT} — “${REVIEW_ANSWER.feasibility_review_notes}”`);
  await editAsUser(sb, names.scope, ids.storefrontScope!, REVIEW_ANSWER, OWNERS.delivery);
  n.check(
    unitTask(ctx, deal, 'feasibility_review')?.properties.hs_task_status === 'COMPLETED',
    'the feasibility review unit is ticked: its deliverable exists',
  );
  n.check(adviceTask(ctx, deal)?.properties.hs_task_status === 'COMPLETED', 'the Proposal stage has nothing left to advise');

  n.user('Maya (rep)', `sends the proposal with delivery’s timeline: 9 weeks from ${EARLIEST_FIT}, written on the scope`);
  await editAsUser(sb, names.scope, ids.storefrontScope!, { proposal_timeline_weeks: '9', planned_start_date: EARLIEST_FIT }, OWNERS.rep);
  const card = await cards.dealCard(deal);
  const review = card?.presale?.review;
  n.throughline(
    `the card: delivery commits to ${review?.committedTimelineWeeks} weeks from ${review?.committedStart}; the proposal says ${review?.proposalTimelineWeeks} weeks from ${review?.plannedStart}; capacity ${card?.presale?.capacity?.verdict}.`,
  );
  n.check(unitTask(ctx, deal, 'proposal')?.properties.hs_task_status === 'COMPLETED', 'the proposal unit is ticked');
  n.check(
    review?.proposalTimelineWeeks === review?.committedTimelineWeeks && card?.presale?.capacity?.verdict === 'fits',
    'the proposal promises a timeline delivery can keep, and the team can take it',
  );
}
