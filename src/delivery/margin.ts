import type { DeliveryHealthPolicy } from '../model';
import type { ChangeOrderFigures, MarginFigures } from './assessment';
import type { ScopeInput } from './delivery-inputs';

export interface MarginInputs {
  amount: number | null;
  dealCurrency: string;
  scope: Pick<ScopeInput, 'proposalHours' | 'hoursLogged' | 'hoursRemaining' | 'costRatePerHour'>;
  hoursBudget: number | null;
  changeOrders: Pick<ChangeOrderFigures, 'billedAmount' | 'billedHours' | 'absorbedHours'>;
}

export interface MarginSummary {
  figures: MarginFigures;
  missing: string[];
}

/** The scope's rate is in the deal's currency; the default rate counts only when its currency is the deal's. */
export function costRateFor(scopeRate: number | null, dealCurrency: string, policy: DeliveryHealthPolicy): number | null {
  if (scopeRate !== null) return scopeRate;
  const { defaultPerHour, currency } = policy.costRate;
  return defaultPerHour !== null && currency === dealCurrency ? defaultPerHour : null;
}

/**
 * planned = (amount − proposal hours × rate) / amount
 * now     = (amount + billed CO − (logged + remaining) × rate) / (amount + billed CO)
 * With A amount, B billed CO amount, R rate, P proposal hours, H projected hours, the gap
 * planned − now = R·H/(A+B) − R·P/A splits exactly into
 *   absorbed change orders  R·Habs/(A+B)
 *   billed change orders    R·Hbill/(A+B) − R·P·B/(A·(A+B))   (their margin against the plan's)
 *   estimate overrun        R·(H − P − Habs − Hbill)/(A+B)
 */
export function assessMargin(inputs: MarginInputs, policy: DeliveryHealthPolicy): MarginSummary {
  const { amount, scope, changeOrders } = inputs;
  const missing: string[] = [];
  const none: MarginFigures = { plannedPct: null, nowPct: null, basis: null, pointsLost: [] };
  const rate = costRateFor(scope.costRatePerHour, inputs.dealCurrency, policy);
  if (amount === null || amount <= 0) missing.push('Not enough data to say the margin: the deal has no amount');
  if (rate === null) {
    missing.push(
      policy.costRate.defaultPerHour === null
        ? 'Not enough data to say the margin: the scope has no cost rate per hour and schemas/delivery-health.json sets no default'
        : `Not enough data to say the margin: the scope has no cost rate per hour, and the default rate is in ${policy.costRate.currency}, not ${inputs.dealCurrency}`,
    );
  }
  if (amount === null || amount <= 0 || rate === null) return { figures: none, missing };

  let plannedPct: number | null = null;
  if (scope.proposalHours === null) missing.push('Not enough data to say the planned margin: the scope has no proposal hours');
  else plannedPct = ((amount - scope.proposalHours * rate) / amount) * 100;

  const projected = projectedHours(scope.hoursLogged, scope.hoursRemaining, inputs.hoursBudget);
  const billed = changeOrders.billedAmount;
  let nowPct: number | null = null;
  if (projected === null) missing.push('Not enough data to say the margin now: it needs hours logged, and hours remaining or an hours budget');
  else if (billed === null) missing.push('Not enough data to say the margin now: a billed change order has no amount');
  else nowPct = ((amount + billed - projected.hours * rate) / (amount + billed)) * 100;

  const figures: MarginFigures = { plannedPct, nowPct, basis: projected?.basis ?? null, pointsLost: [] };
  if (plannedPct === null || nowPct === null || projected === null || billed === null) return { figures, missing };
  const { billedHours, absorbedHours } = changeOrders;
  if (billedHours === null || absorbedHours === null) {
    missing.push('Not enough data to say why the margin moved: a billed or absorbed change order has no hours');
    return { figures, missing };
  }
  const P = scope.proposalHours!;
  const perHour = (rate / (amount + billed)) * 100;
  figures.pointsLost = [
    { cause: 'absorbed_change_orders', points: absorbedHours * perHour },
    { cause: 'billed_change_orders', points: billedHours * perHour - ((P * rate * billed) / (amount * (amount + billed))) * 100 },
    { cause: 'estimate_overrun', points: (projected.hours - P - absorbedHours - billedHours) * perHour },
  ];
  return { figures, missing };
}

/** Hours the delivery will have taken: logged plus the estimate to complete, else at least the budget. */
function projectedHours(
  logged: number | null,
  remaining: number | null,
  budget: number | null,
): { hours: number; basis: 'estimate_to_complete' | 'budget_left' } | null {
  if (logged === null) return null;
  if (remaining !== null) return { hours: logged + remaining, basis: 'estimate_to_complete' };
  if (budget !== null) return { hours: Math.max(logged, budget), basis: 'budget_left' };
  return null;
}
