import { DELIVERY_HEALTH_PROPERTIES as P } from '../model/delivery-properties';
import type { DeliveryAssessment } from './assessment';

/** Deal property name → value as HubSpot takes it: numbers and datetimes as strings, '' clears. */
export type DealPropertyValues = Record<string, string>;

const NUMBER_PROPERTIES: ReadonlySet<string> = new Set([
  P.hoursBudget,
  P.hoursLogged,
  P.burnPct,
  P.timeElapsedPct,
  P.changeOrdersBilledAmount,
  P.changeOrdersAbsorbedHours,
  P.changeOrdersPending,
  P.openTickets,
  P.urgentTickets,
  P.billedAmount,
  P.outstandingAmount,
  P.overdueAmount,
  P.plannedMarginPct,
  P.marginNowPct,
]);

/** Two decimals: enough for money and hours, and stable, so a re-run writes the same string. */
function numberValue(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const rounded = Math.round(n * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** The deal's "Delivery health" properties for an assessment; missing data clears its property. */
export function deliveryHealthProperties(assessment: DeliveryAssessment, now: Date): DealPropertyValues {
  const f = assessment.figures;
  return {
    [P.health]: assessment.health,
    [P.reasons]: [...assessment.reasons, ...assessment.missing].join('\n'),
    [P.hoursBudget]: numberValue(f.hoursBudget),
    [P.hoursLogged]: numberValue(f.hoursLogged),
    [P.burnPct]: numberValue(f.burnPct),
    [P.timeElapsedPct]: numberValue(f.timeElapsedPct),
    [P.changeOrdersBilledAmount]: numberValue(f.changeOrders.billedAmount),
    [P.changeOrdersAbsorbedHours]: numberValue(f.changeOrders.absorbedHours),
    [P.changeOrdersPending]: numberValue(f.changeOrders.pendingCount),
    [P.openTickets]: numberValue(f.tickets?.open),
    [P.urgentTickets]: numberValue(f.tickets?.urgent),
    [P.billedAmount]: numberValue(f.billing?.billed),
    [P.outstandingAmount]: numberValue(f.billing?.outstanding),
    [P.overdueAmount]: numberValue(f.billing?.overdue),
    [P.plannedMarginPct]: numberValue(f.margin.plannedPct),
    [P.marginNowPct]: numberValue(f.margin.nowPct),
    [P.checkedAt]: now.toISOString(),
  };
}

/** HubSpot answers "61.50" or "61.5" for the same number, and "" or null for an empty one. */
function same(name: string, current: string | null | undefined, next: string): boolean {
  const was = (current ?? '').replace(/\r\n/g, '\n');
  if (NUMBER_PROPERTIES.has(name) && was !== '' && next !== '') return Number(was) === Number(next);
  return was === next;
}

/**
 * Only the properties whose value changes. The checked-at time goes along with a real change and
 * alone writes nothing, so a re-run over unchanged data makes no call.
 */
export function changedProperties(current: Record<string, string | null | undefined>, next: DealPropertyValues): DealPropertyValues {
  const changed: DealPropertyValues = {};
  for (const [name, value] of Object.entries(next)) {
    if (name !== P.checkedAt && !same(name, current[name], value)) changed[name] = value;
  }
  const checkedAt = next[P.checkedAt];
  if (Object.keys(changed).length > 0 && checkedAt !== undefined) changed[P.checkedAt] = checkedAt;
  return changed;
}
