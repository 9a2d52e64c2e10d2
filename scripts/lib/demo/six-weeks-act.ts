import { renderDealCardText } from '../../../src/cards/render-card-text';
import { objectByRole } from '../../../src/model';
import { OWNERS, USER, editAsUser } from '../seed';
import type { DemoContext } from './acts';

const SUPPORT = { userId: 9004 };
const at = (day: string) => new Date(`${day}T09:00:00Z`);

/**
 * Six weeks into the checkout rebuild: hours, a change order for a verbal promise absorbed, an
 * urgent ticket, health at risk with a task for the AE (who reads it on the card), a change order
 * billed, and the health back on track with the tasks completed. Every step goes through the
 * stand-in's webhooks or the daily pass, as in a real portal.
 */
export async function sixWeeksAct(ctx: DemoContext): Promise<void> {
  const { n, stack, names, ids } = ctx;
  const sb = stack.sandbox;
  const changeOrder = objectByRole(stack.model, 'change_order').name;
  const dealId = ids.checkout!;
  const deal = () => sb.getObject('deals', dealId)!.properties;
  const tasks = () =>
    sb.listObjects('tasks').filter((t) => (t.properties.hs_task_subject ?? '').startsWith('[Throughline delivery] Northwind checkout rebuild'));
  const open = () => tasks().filter((t) => t.properties.hs_task_status !== 'COMPLETED');
  const dailyPass = async () => (await stack.service.runtime.delivery()).dailyPass(stack.service.runtime.now());
  const logChangeOrder = async (props: Record<string, string>) => {
    const id = sb.createObject(changeOrder, props, {
      actAs: USER(OWNERS.delivery),
      emitWebhooks: true,
      associations: [
        { toObjectType: 'deals', toObjectId: dealId },
        { toObjectType: 'companies', toObjectId: ids.northwind! },
      ],
    }).id;
    await sb.idle();
    return id;
  };

  ctx.setClock(at('2026-12-01'));
  n.user('Tom (delivery)', 'kicks off on 2026-12-01: phase In progress, 12 weeks, owner Tom, cost rate 95 an hour');
  await editAsUser(
    sb,
    names.scope,
    ids.checkoutScope!,
    { delivery_phase: 'in_progress', delivery_start_date: '2026-12-01', hubspot_owner_id: OWNERS.delivery.id, cost_rate_per_hour: '95', hours_logged: '0' },
    OWNERS.delivery,
  );

  ctx.setClock(at('2027-01-12'));
  n.user('Tom (delivery)', '2027-01-12, six weeks in: logs 600 hours, half the timeline gone');
  await editAsUser(sb, names.scope, ids.checkoutScope!, { hours_logged: '600' }, OWNERS.delivery);
  n.throughline(
    `assessed the deal from the scope's webhook: ${deal().delivery_health}, ${deal().delivery_burn_pct} % of ${deal().delivery_hours_budget} h burned, ${deal().delivery_time_elapsed_pct} % of the time gone.`,
  );
  n.check(deal().delivery_health === 'on_track', 'delivery health is on track');

  n.user('Tom (delivery)', 'logs a change order: the weekly Friday demo Maya promised verbally in the final call, 40 h, absorbed');
  await logChangeOrder({
    change_order_title: 'Weekly Friday demo',
    change_order_cause: 'sale_promise',
    change_order_hours: '40',
    change_order_amount: '0',
    change_order_decision: 'absorbed',
    change_order_decision_reason: 'Promised verbally during the sale',
  });
  n.throughline(
    `margin now ${deal().delivery_margin_now_pct} % against ${deal().delivery_planned_margin_pct} % planned; ${deal().delivery_change_orders_absorbed_hours} h absorbed.`,
  );
  n.check(
    deal().delivery_change_orders_absorbed_hours === '40' && Number(deal().delivery_margin_now_pct) < Number(deal().delivery_planned_margin_pct),
    'the absorbed change order is in the budget and costs margin',
  );

  n.user('Support', 'opens an urgent ticket on the deal: “PayPal payments fail at checkout”');
  sb.createObject(
    'tickets',
    { subject: 'PayPal payments fail at checkout', hs_ticket_priority: 'URGENT' },
    {
      actAs: USER(SUPPORT),
      emitWebhooks: true,
      associations: [
        { toObjectType: 'deals', toObjectId: dealId },
        { toObjectType: 'companies', toObjectId: ids.northwind! },
      ],
    },
  );
  await sb.idle();
  n.check(deal().delivery_urgent_tickets === '1' && deal().delivery_health === 'on_track', 'the ticket is counted; one day old, it is not a risk yet');

  ctx.setClock(at('2027-01-16'));
  const pass = await dailyPass();
  n.user('Scheduler', `2027-01-16: the daily delivery pass (${pass.dealsAssessed} deal(s) in delivery)`);
  n.throughline(`the ticket has been open 4 days: delivery health is ${deal().delivery_health} (${(deal().delivery_health_reasons ?? '').split('\n')[0]}).`);
  n.check(deal().delivery_health === 'at_risk', 'delivery health turns at risk');
  n.user('Tom (delivery)', 'logs 760 hours in all, and a change order the client asked for: PayPal Express, 120 h, 14,400 (requested)');
  await editAsUser(sb, names.scope, ids.checkoutScope!, { hours_logged: '760' }, OWNERS.delivery);
  const paypal = await logChangeOrder({
    change_order_title: 'PayPal Express checkout',
    change_order_cause: 'client_request',
    change_order_hours: '120',
    change_order_amount: '14400',
    change_order_decision: 'requested',
  });
  for (const t of open()) n.record(`Task for ${t.properties.hubspot_owner_id === OWNERS.rep.id ? 'Maya' : 'Tom'}: ${t.properties.hs_task_subject}`);
  n.check(
    open().length === 2 && open().some((t) => t.properties.hubspot_owner_id === OWNERS.rep.id),
    'one task each for Maya (the AE) and Tom (the delivery lead), not more',
  );

  n.user('Maya (rep)', 'gets the task and opens the deal');
  const card = await (await stack.service.runtime.cards()).dealCard(dealId);
  n.record(card ? renderDealCardText(card) : '(no card)');
  const d = card?.delivery;
  n.check(
    d?.health === 'at_risk' && d.reasons.some((r) => r.includes('urgent')) && d.reasons.length >= 2,
    'the card opens on a Delivery section: at risk, with the urgent ticket and the burn as reasons',
  );
  n.check(d?.changeOrders.some((c) => c.title === 'PayPal Express checkout' && c.decision === 'requested') === true, 'the card lists the pending change order');

  ctx.setClock(at('2027-01-19'));
  n.user('Support', '2027-01-19: fixes PayPal and closes the ticket');
  const ticketId = sb.listObjects('tickets').find((t) => t.properties.subject === 'PayPal payments fail at checkout')!.id;
  sb.updateObject('tickets', ticketId, { hs_pipeline_stage: '4' }, { actAs: USER(SUPPORT), emitWebhooks: true });
  await sb.idle();
  n.check(deal().delivery_health === 'at_risk', 'still at risk: 760 of 1,000 h burned with 59 % of the time gone');
  n.user('Maya (rep)', 'the client signs the PayPal Express change order: decision Billed');
  await editAsUser(sb, changeOrder, paypal, { change_order_decision: 'billed', change_order_decision_reason: 'Signed by Dana (CMO)' }, OWNERS.rep);
  n.throughline(`health ${deal().delivery_health}: ${deal().delivery_burn_pct} % of ${deal().delivery_hours_budget} h burned; the tasks completed themselves.`);
  n.check(
    deal().delivery_health === 'on_track' && deal().delivery_change_orders_billed_amount === '14400',
    'the billed change order joins the budget and health recovers',
  );
  n.check(tasks().length === 2 && open().length === 0, 'both tasks are completed');
  const rerun = await dailyPass();
  n.user('Scheduler', `2027-01-19: the daily delivery pass runs again`);
  n.check(rerun.dealsUpdated.length === 0 && rerun.tasksCreated + rerun.tasksUpdated + rerun.tasksCompleted === 0, 'a re-run writes nothing');
}
