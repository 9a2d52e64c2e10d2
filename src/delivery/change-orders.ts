import type { ChangeOrderFigures } from './assessment';
import { daysSince } from './days';
import type { ChangeOrderInput } from './delivery-inputs';
import { knownSum } from './known-sum';
import { quoted } from './words';

export interface PendingChangeOrder {
  title: string | null;
  ageDays: number;
}

export interface ChangeOrderSummary {
  figures: ChangeOrderFigures;
  /** Undecided change orders, oldest first. */
  pending: PendingChangeOrder[];
  missing: string[];
}

const label = (co: ChangeOrderInput) => quoted(co.title, `change order ${co.id}`);
const names = (cos: ChangeOrderInput[]) => cos.map(label).join(', ');

/** Billed and absorbed change orders add to the hours budget; requested ones wait for a decision. */
export function summariseChangeOrders(changeOrders: readonly ChangeOrderInput[], now: Date): ChangeOrderSummary {
  const billed = changeOrders.filter((co) => co.decision === 'billed');
  const absorbed = changeOrders.filter((co) => co.decision === 'absorbed');
  const pending = changeOrders
    .filter((co) => co.decision === null || co.decision === 'requested')
    .map((co) => ({ title: co.title, ageDays: daysSince(co.createdAt, now) }))
    .sort((a, b) => b.ageDays - a.ageDays);
  const missing: string[] = [];

  const billedAmount = knownSum(billed, (co) => co.amount);
  if (billedAmount.sum === null) missing.push(`Not enough data to say what change orders billed: no amount on ${names(billedAmount.lacking)}`);
  const billedHours = knownSum(billed, (co) => co.hours);
  const absorbedHours = knownSum(absorbed, (co) => co.hours);
  const withoutHours = [...billedHours.lacking, ...absorbedHours.lacking];
  if (withoutHours.length > 0) missing.push(`Not enough data to say the hours budget: no hours on ${names(withoutHours)}`);
  const absorbedAmount = knownSum(absorbed, (co) => co.amount);
  if (absorbedAmount.sum === null) missing.push(`Not enough data to say what absorbed change orders gave away: no amount on ${names(absorbedAmount.lacking)}`);

  const unexplained = changeOrders.filter((co) => (co.decision === 'absorbed' || co.decision === 'rejected') && !co.decisionReason?.trim());
  for (const co of unexplained) missing.push(`${label(co)} was ${co.decision} without a reason — absorbing or rejecting needs one`);

  return {
    figures: {
      billedAmount: billedAmount.sum,
      billedHours: billedHours.sum,
      absorbedHours: absorbedHours.sum,
      absorbedAmount: absorbedAmount.sum,
      pendingCount: pending.length,
      oldestPendingDays: pending.length ? Math.floor(pending[0]!.ageDays) : null,
    },
    pending,
    missing,
  };
}
