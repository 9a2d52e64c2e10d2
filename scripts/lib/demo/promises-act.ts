import type { Sandbox } from '@throughline/sandbox';
import { APPROVED_SCOPE, COMPLETE_CONTRACT, HANDOFF_COMPLETE, OWNERS, USER, dragDeal, editAsUser, seedDeal, seedScope, seedContract } from '../seed';
import { promiseNamesOf, seedFinishedEngagement } from '../seed-promises';
import type { DemoContext } from './acts';

const MIGRATION_LESSON = 'Data migration is always bigger than sold: price it as its own line.';

function seedLessons(ctx: DemoContext): void {
  const { stack, names, ids } = ctx;
  const promises = promiseNamesOf(stack.model);
  const finished = [
    { name: 'Fabrikam web shop', closedAt: '2027-02-15T10:00:00Z', hours: '80', lesson: MIGRATION_LESSON },
    { name: 'Tailspin web shop', closedAt: '2027-05-10T10:00:00Z', hours: '64', lesson: 'Never promise a start date before delivery has seen its calendar.' },
  ];
  for (const f of finished) {
    seedFinishedEngagement(stack.sandbox, names, promises, ids.acme, {
      name: f.name,
      dealType: 'newbusiness',
      closedAt: f.closedAt,
      scope: { proposal_hours: '600', delivery_estimate_hours: '640' },
      review: {
        handoff_review_belief_matched: 'partly',
        handoff_review_rediscovered: 'promises;dependencies',
        handoff_review_readiness: '2',
        handoff_review_momentum_drop: 'before_kickoff',
        handoff_review_margin_assumptions: 'Assumed the client’s product data was clean.',
        handoff_review_sales_lesson: f.lesson,
      },
      promises: [
        {
          commitment_title: 'Start in two weeks',
          commitment_how: 'verbal',
          commitment_to_whom: 'the buyer',
          commitment_in_signed_scope: 'true',
          commitment_status: 'broken',
        },
      ],
      changeOrders: [
        {
          change_order_title: 'Data migration',
          change_order_cause: 'scope_gap',
          change_order_hours: f.hours,
          change_order_decision: 'absorbed',
          change_order_decision_reason: 'Goodwill',
        },
      ],
    });
  }
}

const addPromise = (sb: Sandbox, type: string, dealId: string, props: Record<string, string>) =>
  sb.createObject(type, props, { actAs: USER(OWNERS.rep), associations: [{ toObjectType: 'deals', toObjectId: dealId }] }).id;

export async function promisesAct(ctx: DemoContext): Promise<void> {
  const { n, stack, names, ids } = ctx;
  const sb = stack.sandbox;
  const rt = stack.service.runtime;
  const promises = promiseNamesOf(stack.model);
  seedLessons(ctx);
  await sb.searchIndexed(); // finished engagements are long in HubSpot's search index
  n.throughline(
    'two finished web-shop engagements (deal type New business) are in the portal: each broke a verbal “Start in two weeks” and absorbed its data migration; delivery answered both handoff reviews.',
  );
  n.user('Scheduler', 'the daily insights refresh (INSIGHTS_CRON): what closed-won deals taught, cached for the deal cards');
  const summary = await (await rt.insights()).refresh(rt.now());
  n.check(
    summary.rows.some((r) => r.key === 'newbusiness' && r.deals === 2),
    'the summary has the two New business engagements',
  );

  ids.shop = seedDeal(sb, { name: 'Contoso web shop', companyId: ids.acme, props: { ...HANDOFF_COMPLETE, dealtype: 'newbusiness' } });
  n.user('Maya (rep)', 'opens a new New business deal, “Contoso web shop”, while she is still making promises');
  const card = (await (await rt.cards()).dealCard(ids.shop!))!;
  const like = card.dealsLikeThis;
  n.record(`Deals like this — ${like?.groupLabel ?? '—'}, based on ${like?.basedOn ?? 0} deal(s)${like?.caution ? ` (${like.caution})` : ''}`);
  for (const s of like?.sentences ?? []) n.record(`• ${s}`);
  for (const bar of like?.chart ?? []) n.record(`▇ ${bar.label}: ${bar.hoursPerDeal} h per deal`);
  const said = (like?.sentences ?? []).join(' ');
  n.check(like?.basedOn === 2 && said.includes('“Start in two weeks” (2 deals)'), 'the card says “Start in two weeks” broke on both deals like this one');
  n.check(said.includes('absorbed') && said.includes(MIGRATION_LESSON), 'and that the data migration was absorbed, in delivery’s words');

  n.user('Maya (rep)', `clicks “${card.commitments?.addLabel}”: “Migrate the old shop’s orders” (verbal, to the buyer, outside the signed scope)`);
  const promise = addPromise(sb, promises.commitment, ids.shop!, {
    commitment_title: 'Migrate the old shop’s orders',
    commitment_how: 'verbal',
    commitment_to_whom: 'the buyer',
    commitment_in_signed_scope: 'false',
    commitment_status: 'open',
  });
  seedScope(sb, names, ids.shop!, ids.acme, { ...APPROVED_SCOPE, scope_name: 'Contoso web shop v1' });
  seedContract(sb, names, ids.shop, ids.acme, { ...COMPLETE_CONTRACT, contract_name: 'Contoso web shop' });
  n.user('Maya (rep)', 'with scope and contract in place, drags it to Closed won');
  await dragDeal(sb, ids.shop!, 'closedwon');
  const bounced = sb.getObject('deals', ids.shop!)!;
  n.throughline(`sent it back (gate ${bounced.properties.gate_status}). Missing:`);
  n.record(
    (bounced.properties.gate_missing_items ?? '')
      .split('\n')
      .map((l) => `• ${l}`)
      .join('\n'),
  );
  n.check(
    bounced.properties.dealstage === 'contractsent' && (bounced.properties.gate_missing_items ?? '').includes('Migrate the old shop’s orders'),
    'the gate asks for the promise outside the scope to be decided',
  );

  n.user('Maya (rep)', 'prices the migration (a change order the buyer signs) and sets the promise’s decision to Priced; drags the deal again');
  await editAsUser(sb, promises.commitment, promise, { commitment_scope_decision: 'priced' });
  await dragDeal(sb, ids.shop!, 'closedwon');
  const won = sb.getObject('deals', ids.shop!)!;
  n.check(won.properties.dealstage === 'closedwon' && won.properties.gate_status === 'passed', 'now it stays Closed won');

  const scope = sb.listObjects(names.scope).find((s) => s.properties.scope_name === 'Contoso web shop v1')!;
  sb.updateObject(names.scope, scope.id, { delivery_start_date: '2027-11-08', hubspot_owner_id: OWNERS.delivery.id }, { actAs: USER(OWNERS.delivery) });
  ctx.setClock(new Date('2027-11-22T08:00:00Z'));
  n.user('Scheduler', '2027-11-22, two weeks after kickoff: the daily handoff-review pass (HANDOFF_REVIEW_CRON)');
  await (await rt.handoffReviews()).dailyPass(rt.now());
  const review = sb.listObjects('tasks').filter((t) => (t.properties.hs_task_subject ?? '').includes('handoff review] Contoso web shop'));
  n.record(`Task for Tom: ${review[0]?.properties.hs_task_subject ?? '(none)'}`);
  n.check(review.length === 1 && review[0]!.properties.hubspot_owner_id === OWNERS.delivery.id, 'one review task, for the delivery lead');
  ctx.setClock(new Date('2027-11-25T08:00:00Z'));
  await (await rt.handoffReviews()).dailyPass(rt.now());
  const again = sb.listObjects('tasks').filter((t) => (t.properties.hs_task_subject ?? '').includes('handoff review] Contoso web shop'));
  n.check(
    again.length === 1 && sb.getObject('deals', ids.shop!)!.properties.handoff_review_state === 'overdue',
    'three days later it is marked overdue, and nobody is nagged twice',
  );
}
