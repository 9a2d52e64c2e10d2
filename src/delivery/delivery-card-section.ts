import type { AccountTotals, DeliverySection, DeliverySource, EngagementDelivery } from '../cards/card-data';
import type { CrmRecord } from '../hubspot/types';
import { dealProperties, objectByRole, type Model } from '../model';
import { CHANGE_ORDER_PROPERTIES as CO, DELIVERY_HEALTH_PROPERTIES as H, SCOPE_DELIVERY_PROPERTIES as SD } from '../model/delivery-properties';
import type { DeliveryAssessment, DeliveryHealth, MarginCause } from './assessment';
import { daysSince, wholeDaysPast } from './days';
import type { LoadedDelivery } from './load-deliveries';
import { numberOf } from './read-values';
import type { SourceName } from './source-availability';

/** Option labels from schemas/, so the card says what the portal says. */
export interface DeliveryLabels {
  phase: Map<string, string>;
  health: Map<string, string>;
  cause: Map<string, string>;
}

const optionsOf = (props: Array<{ name: string; options?: Array<{ value: string; label: string }> | undefined }>, name: string) =>
  new Map((props.find((p) => p.name === name)?.options ?? []).map((o) => [o.value, o.label]));

export function deliveryLabels(model: Pick<Model, 'objects' | 'deals'>): DeliveryLabels {
  return {
    phase: optionsOf(objectByRole(model, 'scope').properties, SD.phase),
    health: optionsOf(dealProperties(model), H.health),
    cause: optionsOf(objectByRole(model, 'change_order').properties, CO.cause),
  };
}

const MARGIN_WORDS: Record<MarginCause, string> = {
  absorbed_change_orders: 'Absorbed change orders',
  billed_change_orders: 'Billed change orders',
  estimate_overrun: 'Hours over the estimate',
};
const TICKET_ITEMS = 5;
const day = (d: Date) => d.toISOString().slice(0, 10);

function sourcesOf(item: LoadedDelivery): DeliverySource[] {
  return (['tickets', 'invoices', 'projects'] as SourceName[]).map((source) => {
    const read = item.inputs[source];
    if (read.status === 'read') return { source, status: 'ok', message: null };
    return read.status === 'disabled' ? { source, status: 'disabled', message: null } : { source, status: 'unavailable', message: read.reason };
  });
}

/** The deal card's Delivery section from the same assessment that writes the deal (pure). */
export function buildDeliverySection(
  item: LoadedDelivery,
  assessment: DeliveryAssessment,
  now: Date,
  labels: DeliveryLabels,
  changeOrderType: string,
): DeliverySection {
  const f = assessment.figures;
  const { scope, tickets } = item.inputs;
  const billing =
    f.billing && f.billing.billed !== null && f.billing.outstanding !== null && f.billing.overdue !== null
      ? { billed: f.billing.billed, outstanding: f.billing.outstanding, overdue: f.billing.overdue }
      : null;
  const openTickets = tickets.status === 'read' ? tickets.records.filter((t) => t.open).sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime()) : [];
  return {
    phase: scope?.phase ?? null,
    phaseLabel: scope?.phase ? (labels.phase.get(scope.phase) ?? null) : null,
    health: assessment.health,
    healthLabel: labels.health.get(assessment.health) ?? null,
    reasons: assessment.reasons,
    missing: assessment.missing,
    currency: f.currency,
    hours: { budget: f.hoursBudget, logged: f.hoursLogged, burnPct: f.burnPct, timeElapsedPct: f.timeElapsedPct },
    billing,
    margin: scope
      ? {
          plannedPct: f.margin.plannedPct,
          nowPct: f.margin.nowPct,
          pointsLost: f.margin.pointsLost.map((p) => ({ cause: p.cause, label: MARGIN_WORDS[p.cause], points: p.points })),
        }
      : null,
    changeOrders: item.inputs.changeOrders.map((co) => ({
      id: co.id,
      title: co.title ?? `Change order ${co.id}`,
      cause: co.cause,
      causeLabel: co.cause ? (labels.cause.get(co.cause) ?? null) : null,
      decision: co.decision ?? 'requested',
      hours: co.hours !== null && co.hours >= 0 ? co.hours : null,
      amount: co.amount,
      ageDays: Math.max(0, Math.floor(daysSince(co.createdAt, now))),
    })),
    tickets: f.tickets
      ? {
          ...f.tickets,
          items: openTickets.slice(0, TICKET_ITEMS).map((t) => ({
            id: t.id,
            subject: t.subject ?? `Ticket ${t.id}`,
            priority: t.priority,
            openDays: Math.max(0, Math.floor(daysSince(t.openedAt, now))),
          })),
        }
      : null,
    nextMilestone: scope?.nextMilestone
      ? {
          name: scope.nextMilestone,
          date: scope.nextMilestoneDate ? day(scope.nextMilestoneDate) : null,
          daysToGo: scope.nextMilestoneDate ? -wholeDaysPast(scope.nextMilestoneDate, now) : null,
        }
      : null,
    sources: sourcesOf(item),
    checkedAt: now.toISOString(),
    changeOrderObjectTypeId: changeOrderType,
  };
}

/** Deal properties engagementDelivery and accountTotals read (the company card adds them to its deal read). */
export const COMPANY_CARD_DELIVERY_PROPERTIES = [
  H.health,
  H.plannedMarginPct,
  H.marginNowPct,
  H.billedAmount,
  H.outstandingAmount,
  H.changeOrdersAbsorbedHours,
  'deal_currency_code',
];

const HEALTHS: readonly DeliveryHealth[] = ['not_started', 'on_track', 'at_risk', 'off_track', 'closed'];

/**
 * One engagement's row on the company card, from the figures the deal already carries (no
 * assessment, no extra reads); null before the deal was first assessed.
 */
export function engagementDelivery(deal: CrmRecord, labels: DeliveryLabels): EngagementDelivery | null {
  const health = HEALTHS.find((h) => h === deal.properties[H.health]);
  if (!health) return null;
  return {
    health,
    healthLabel: labels.health.get(health) ?? null,
    plannedMarginPct: numberOf(deal.properties[H.plannedMarginPct]),
    marginPct: numberOf(deal.properties[H.marginNowPct]),
  };
}

/** The account's engagements added up; amounts only when every assessed deal has one currency and a figure. */
export function accountTotals(deals: CrmRecord[], defaultCurrency: string): AccountTotals | null {
  const assessed = deals.filter((d) => HEALTHS.includes(d.properties[H.health] as DeliveryHealth));
  if (!assessed.length) return null;
  const currencies = new Set(assessed.map((d) => d.properties.deal_currency_code || defaultCurrency));
  const sum = (property: string) => {
    const values = assessed.map((d) => numberOf(d.properties[property]));
    return currencies.size === 1 && values.every((v) => v !== null) ? values.reduce((a, b) => a! + b!, 0)! : null;
  };
  return {
    currency: currencies.size === 1 ? [...currencies][0]! : null,
    billed: sum(H.billedAmount),
    outstanding: sum(H.outstandingAmount),
    absorbedHours: assessed.reduce((a, d) => a + Math.max(0, numberOf(d.properties[H.changeOrdersAbsorbedHours]) ?? 0), 0),
  };
}
