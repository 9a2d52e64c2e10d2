import { renderDealCardText } from '../../../src/cards/render-card-text';
import { summaryLine } from '../../../src/provisioning';
import type { SandboxObject } from '@throughline/sandbox';
import {
  APPROVED_SCOPE,
  COMPLETE_CONTRACT,
  HANDOFF_COMPLETE,
  OWNERS,
  dragDeal,
  editAsUser,
  namesOf,
  seedCompany,
  seedContract,
  seedDeal,
  seedOwners,
  seedScope,
  type Names,
} from '../seed';
import type { Stack } from '../stack';
import type { Narrator } from './narrator';

export interface DemoContext {
  stack: Stack;
  n: Narrator;
  names: Names;
  /** Moves the story's clock (the service's and the stand-in's) to a date. */
  setClock(at: Date): void;
  ids: Record<string, string>;
}

const tasksFor = (ctx: DemoContext, text: string) => ctx.stack.sandbox.listObjects('tasks').filter((t) => (t.properties.hs_task_subject ?? '').includes(text));
const openTasks = (tasks: SandboxObject[]) => tasks.filter((t) => t.properties.hs_task_status !== 'COMPLETED');
const deal = (ctx: DemoContext, id: string) => ctx.stack.sandbox.getObject('deals', id)!;
const ownerName = (id: string | undefined) => Object.values(OWNERS).find((o) => o.id === id)?.firstName ?? `owner ${id ?? '—'}`;
const statusOf = (ctx: DemoContext, company: string) =>
  ctx.stack.sandbox.listObjects(ctx.names.customerStatus).find((s) => s.properties.status_title === company);

export async function provisionAct(ctx: DemoContext): Promise<void> {
  const { n, stack } = ctx;
  n.user('Admin', 'npm run provision -- apply   (schemas/ → a fresh portal)');
  const first = await stack.provision();
  n.record(summaryLine(first.plan.summary));
  n.throughline(
    `created ${first.summary.created} and updated ${first.summary.updated}: custom objects Scope, Service contract, Customer status; the Delivery handoff and Close gate deal groups; association labels.`,
  );
  n.check(first.summary.created > 0 && first.plan.summary.conflict === 0, 'the portal is provisioned without conflicts');
  n.user('Admin', 'npm run provision -- apply   (again)');
  const second = await stack.provision();
  n.record(summaryLine(second.plan.summary));
  n.check(second.summary.created + second.summary.updated === 0, 'a second apply makes zero writes');

  ctx.names = namesOf(stack.model);
  seedOwners(stack.sandbox);
  ctx.ids.northwind = seedCompany(stack.sandbox, 'Northwind Labs');
  ctx.ids.acme = seedCompany(stack.sandbox, 'Acme Outfitters');
  n.throughline('seeded Northstar Agency: Maya (sales), Tom (delivery lead), Priya (account manager); clients Northwind Labs and Acme Outfitters.');
}

export async function gateAct(ctx: DemoContext): Promise<void> {
  const { n, stack, names, ids } = ctx;
  const sb = stack.sandbox;
  ids.checkout = seedDeal(sb, { name: 'Northwind checkout rebuild', companyId: ids.northwind, props: HANDOFF_COMPLETE });
  ids.checkoutScope = seedScope(sb, names, ids.checkout!, ids.northwind, {
    ...APPROVED_SCOPE,
    scope_name: 'Checkout rebuild v1',
    delivery_approved: 'false',
    scope_status: 'in_review',
  });

  n.user('Maya (rep)', 'drags “Northwind checkout rebuild” to Closed won on the board — the scope is still in review and there is no contract');
  await dragDeal(sb, ids.checkout!, 'closedwon');
  const bounced = deal(ctx, ids.checkout!);
  n.throughline(`sent it back to “${bounced.properties.dealstage}” and set gate status ${bounced.properties.gate_status}. Missing:`);
  n.record(
    (bounced.properties.gate_missing_items ?? '')
      .split('\n')
      .map((l) => `• ${l}`)
      .join('\n'),
  );
  const tasks = tasksFor(ctx, 'Northwind checkout rebuild');
  n.record(`Task for ${ownerName(tasks[0]?.properties.hubspot_owner_id)}: ${tasks[0]?.properties.hs_task_subject ?? '(none)'}`);
  n.check(bounced.properties.dealstage === 'contractsent' && bounced.properties.gate_status === 'blocked', 'the deal is back in Contract sent, gate blocked');
  n.check(tasks.length === 1 && tasks[0]!.properties.hubspot_owner_id === OWNERS.rep.id, 'one task, for the deal owner');

  n.user('Maya (rep)', 'tries again straight away');
  await dragDeal(sb, ids.checkout!, 'closedwon');
  n.check(
    deal(ctx, ids.checkout!).properties.dealstage === 'contractsent' && tasksFor(ctx, 'Northwind checkout rebuild').length === 1,
    'bounced again; the same task was updated, not a second one',
  );

  n.user('Tom (delivery)', 'reviews the scope and ticks Delivery approved');
  await editAsUser(sb, names.scope, ids.checkoutScope!, { delivery_approved: 'true', scope_status: 'approved' }, OWNERS.delivery);
  n.user('Maya (rep)', 'adds the signed contract: 12 months from 2026-12-01, renews 2027-12-01, auto-renews, 45 days notice, €180,000');
  ids.contractA = seedContract(sb, names, ids.checkout, ids.northwind, {
    ...COMPLETE_CONTRACT,
    contract_name: 'Checkout rebuild MSA',
    auto_renew: 'true',
    notice_period_days: '45',
  });
  n.user('Maya (rep)', 'drags the deal to Closed won again');
  await dragDeal(sb, ids.checkout!, 'closedwon');
  const won = deal(ctx, ids.checkout!);
  const status = statusOf(ctx, 'Northwind Labs');
  n.throughline(
    `let it stay: gate ${won.properties.gate_status}; contract ${sb.getObject(names.contract, ids.contractA!)!.properties.contract_status}; Northwind Labs is now “${status?.properties.status ?? '—'}”.`,
  );
  n.check(won.properties.dealstage === 'closedwon' && won.properties.gate_status === 'passed', 'the deal stays Closed won, gate passed');
  n.check(status?.properties.status === 'onboarding', 'the customer status starts as onboarding');
  n.check(openTasks(tasksFor(ctx, 'Northwind checkout rebuild')).length === 0, 'the gate task is completed');

  ids.oldDeal = seedDeal(sb, { name: 'Acme 2025 retainer', companyId: ids.acme, stage: 'closedwon', at: '2026-06-01T09:00:00Z' });
  n.user('Ops', 'a deal closed in June, before the gate was enforced (enforcedSince 2026-11-01), sits in Closed won without a scope');
  const sweep = await stack.service.runtime.sweep();
  n.throughline(
    `the sweep found ${sweep.candidates} deal(s) in gated stages still needing the gate since enforcement began; the June deal is not one of them.`,
  );
  const old = deal(ctx, ids.oldDeal!);
  n.check(old.properties.dealstage === 'closedwon' && !old.properties.gate_status, 'the old deal is untouched');

  ids.rush = seedDeal(sb, { name: 'Acme spring campaign', companyId: ids.acme, props: HANDOFF_COMPLETE });
  n.user('Priya (AM)', 'ticks Gate override on “Acme spring campaign”: “Signed at the CEO dinner; scope and contract follow Monday”');
  await editAsUser(
    sb,
    'deals',
    ids.rush!,
    { gate_override: 'true', gate_override_reason: 'Signed at the CEO dinner; scope and contract follow Monday' },
    OWNERS.am,
  );
  await dragDeal(sb, ids.rush!, 'closedwon');
  const rush = deal(ctx, ids.rush!);
  const note = sb.listObjects('notes').find((x) => (x.properties.hs_note_body ?? '').includes('CEO dinner'));
  n.throughline(
    `let it pass as ${rush.properties.gate_status} and wrote a note: ${(note?.properties.hs_note_body ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 110)}…`,
  );
  n.check(rush.properties.dealstage === 'closedwon' && rush.properties.gate_status === 'overridden', 'the override passes');
  n.check(
    !!note && (note.properties.hs_note_body ?? '').includes(`overridden by ${OWNERS.am.firstName} ${OWNERS.am.lastName}`),
    'the note names who set the override',
  );
}

export async function cardAct(ctx: DemoContext): Promise<void> {
  const { n, stack, ids } = ctx;
  n.user('Tom (delivery)', 'opens the deal — no discovery call needed');
  const card = await (await stack.service.runtime.cards()).dealCard(ids.checkout!);
  n.record(card ? renderDealCardText(card) : '(no card)');
  n.check(!!card && card.gate.status === 'passed' && card.gate.passedCount === card.gate.total, 'the card shows the passed checklist');
  n.check(!!card?.scope?.approved && card.contract?.renewalDate === '2027-12-01', 'the card shows the approved scope and the contract terms');
}

async function scanOn(ctx: DemoContext, date: string): Promise<number> {
  ctx.setClock(new Date(`${date}T08:00:00Z`));
  const r = await (await ctx.stack.service.runtime.renewals()).scan({ today: date });
  return r.remindersCreated;
}

export async function renewalAct(ctx: DemoContext): Promise<void> {
  const { n, stack, names, ids } = ctx;
  const sb = stack.sandbox;
  ids.analytics = seedDeal(sb, { name: 'Northwind analytics retainer', companyId: ids.northwind, props: HANDOFF_COMPLETE });
  seedScope(sb, names, ids.analytics!, ids.northwind, { ...APPROVED_SCOPE, scope_name: 'Analytics retainer' });
  ids.contractB = seedContract(sb, names, ids.analytics, ids.northwind, {
    ...COMPLETE_CONTRACT,
    contract_name: 'Analytics retainer',
    start_date: '2026-10-21',
    end_date: '2027-10-20',
    renewal_date: '2027-10-20',
    contract_value: '48000',
  });
  n.user('Maya (rep)', 'closes Northwind’s second engagement, an analytics retainer renewing 2027-10-20 (no auto-renew)');
  await dragDeal(sb, ids.analytics!, 'closedwon');
  const northwind = () => statusOf(ctx, 'Northwind Labs')!;
  n.check(
    deal(ctx, ids.analytics!).properties.gate_status === 'passed' && northwind().properties.engagements_count === '2',
    'Northwind Labs now has two engagements',
  );

  const step = async (date: string, what: string, expect: Record<string, number>) => {
    const before = Object.fromEntries(Object.keys(expect).map((k) => [k, tasksFor(ctx, k).length]));
    const created = await scanOn(ctx, date);
    n.user('Scheduler', `${date}: the daily renewal scan (${what})`);
    for (const [contract, count] of Object.entries(expect)) {
      const fresh = tasksFor(ctx, contract).slice(before[contract]);
      for (const t of fresh) n.record(`Task for ${ownerName(t.properties.hubspot_owner_id)}: ${t.properties.hs_task_subject}`);
      n.check(
        fresh.length === count && fresh.every((t) => t.properties.hubspot_owner_id === OWNERS.am.id),
        `${count} new task(s) for “${contract}”, to Priya (the company owner)`,
      );
    }
    return created;
  };
  await step('2027-09-02', '90 days before the checkout MSA renews; the retainer is 48 days out', { 'Checkout rebuild MSA': 1, 'Analytics retainer': 1 });
  n.check(
    tasksFor(ctx, 'Analytics retainer')[0]?.properties.hs_task_subject?.includes('60-day') === true,
    'a contract first seen 48 days out gets its 60-day reminder, not two',
  );
  n.check(northwind().properties.status === 'renewal', 'Northwind Labs moves to “renewal”');
  const again = await scanOn(ctx, '2027-09-02');
  n.user('Scheduler', '2027-09-02: the scan runs a second time');
  n.check(again === 0, 'nothing is created twice');
  await step('2027-10-02', '60 days before; the retainer is 18 days out', { 'Checkout rebuild MSA': 1, 'Analytics retainer': 1 });
  await step('2027-10-17', 'the checkout MSA’s cancel-by deadline (45 days’ notice)', { 'Cancel-by deadline': 1 });
  await step('2027-10-21', 'the retainer’s renewal date passed yesterday, unrenewed', { 'lapsed on 2027-10-20': 1 });
  const b = sb.getObject(names.contract, ids.contractB!)!;
  n.throughline(`ended the retainer (status ${b.properties.contract_status}) and moved Northwind Labs to “${northwind().properties.status}”.`);
  n.check(b.properties.contract_status === 'ended' && northwind().properties.status === 'lapsed', 'the lapsed retainer ends and the customer status is lapsed');
  await step('2027-11-01', '30 days before the checkout MSA renews', { 'Checkout rebuild MSA': 1 });

  ctx.setClock(new Date('2027-11-02T10:00:00Z'));
  n.user('Priya (AM)', 'sets Northwind Labs to “at risk”: “Retainer lapsed; main renewal in doubt until the Q1 budget is known”');
  await editAsUser(
    sb,
    names.customerStatus,
    northwind().id,
    { status: 'at_risk', status_reason: 'Retainer lapsed; main renewal in doubt until the Q1 budget is known' },
    OWNERS.am,
  );
  n.user('Maya (rep)', 'moves the checkout MSA’s renewal date to 2028-01-31 (the buyer asked for a later budget cycle)');
  const oldOpen = openTasks(tasksFor(ctx, 'Checkout rebuild MSA')).length;
  await editAsUser(sb, names.contract, ids.contractA!, { renewal_date: '2028-01-31', end_date: '2028-01-30' });
  const msa = tasksFor(ctx, 'Checkout rebuild MSA');
  const superseded = sb.listObjects('tasks').filter((t) => (t.properties.hs_task_subject ?? '').startsWith('[Superseded'));
  n.throughline(`closed ${superseded.length} reminder(s) for the old date and planned the new one: ${msa[msa.length - 1]?.properties.hs_task_subject ?? '—'}`);
  n.check(oldOpen === 4 && superseded.length === 4, 'the old date’s open reminders are closed');
  n.check((msa[msa.length - 1]?.properties.hs_task_subject ?? '').includes('renews 2028-01-31 (90-day'), 'the new date’s 90-day reminder follows at once');
  const s = northwind();
  n.record(
    `Customer status: ${s.properties.status} — ${s.properties.status_reason}; next renewal ${s.properties.next_renewal_date}; engagements ${s.properties.engagements_count}`,
  );
  n.check(s.properties.status === 'at_risk', 'automation leaves Priya’s “at risk” alone');
  n.check(s.properties.next_renewal_date === '2028-01-31', 'the roll-up shows the next renewal');
}
