import { hours, money, pct, points } from '../delivery/words';
import type { AccountTotals, DeliveryHealth, DeliverySection, EngagementDelivery } from './card-data';

const HEALTH: Record<DeliveryHealth, string> = {
  not_started: 'NOT STARTED',
  on_track: 'ON TRACK',
  at_risk: 'AT RISK',
  off_track: 'OFF TRACK',
  closed: 'CLOSED',
};
const DECISION = { requested: 'pending decision', billed: 'billed', absorbed: 'absorbed', rejected: 'rejected' } as const;
const or = (v: string | number | null | undefined, dash = '—') => (v === null || v === undefined || v === '' ? dash : String(v));
const pctOr = (n: number | null) => (n === null ? '—' : pct(n));
const hoursOr = (n: number | null) => (n === null ? '—' : hours(n));

/** The deal card's Delivery section as text lines (`│ …`), from the same JSON the card renders. */
export function renderDeliveryText(d: DeliverySection): string[] {
  const out: string[] = [];
  const moneyOf = (n: number) => (d.currency ? money(n, d.currency) : String(n));
  out.push(`│ Delivery: ${HEALTH[d.health]}${(d.phaseLabel ?? d.phase) ? ` · phase ${or(d.phaseLabel ?? d.phase)}` : ''}`);
  for (const r of d.reasons) out.push(`│   ! ${r}`);
  const h = d.hours;
  out.push(`│   Hours: ${hoursOr(h.logged)} of ${hoursOr(h.budget)} (burn ${pctOr(h.burnPct)}, time elapsed ${pctOr(h.timeElapsedPct)})`);
  if (d.billing)
    out.push(`│   Billing: billed ${moneyOf(d.billing.billed)} · outstanding ${moneyOf(d.billing.outstanding)} · overdue ${moneyOf(d.billing.overdue)}`);
  if (d.margin) {
    const lost = d.margin.pointsLost.filter((p) => Math.round(p.points) !== 0).map((p) => `${p.label} ${points(p.points)}`);
    out.push(`│   Margin: planned ${pctOr(d.margin.plannedPct)}, now ${pctOr(d.margin.nowPct)}${lost.length ? ` (lost: ${lost.join('; ')})` : ''}`);
  }
  for (const c of d.changeOrders) {
    out.push(
      `│   Change order “${c.title}” — ${DECISION[c.decision]}, ${hoursOr(c.hours)}${c.amount !== null ? `, ${moneyOf(c.amount)}` : ''}${(c.causeLabel ?? c.cause) ? ` (${or(c.causeLabel ?? c.cause)})` : ''}`,
    );
  }
  if (d.tickets) {
    out.push(`│   Tickets: ${d.tickets.open} open, ${d.tickets.urgent} urgent`);
    for (const t of d.tickets.items) out.push(`│     #${t.id} ${t.subject} (${or(t.priority)}, open ${t.openDays} d)`);
  }
  if (d.nextMilestone)
    out.push(
      `│   Next milestone: ${d.nextMilestone.name}${d.nextMilestone.date ? ` on ${d.nextMilestone.date}` : ''}${d.nextMilestone.daysToGo !== null ? ` (${d.nextMilestone.daysToGo} days to go)` : ''}`,
    );
  for (const m of d.missing) out.push(`│   ? ${m}`);
  for (const s of d.sources.filter((x) => x.status === 'unavailable')) out.push(`│   ${s.source} could not be read${s.message ? `: ${s.message}` : ''}`);
  out.push('│   [Log a change order]');
  return out;
}

/** One engagement's delivery on the company card, as a clause. */
export const renderEngagementDeliveryText = (e: EngagementDelivery | null | undefined): string =>
  e ? `; delivery ${HEALTH[e.health].toLowerCase()}, margin ${pctOr(e.marginPct)} (planned ${pctOr(e.plannedMarginPct)})` : '';

/** The account's totals on the company card. */
export function renderAccountTotalsText(t: AccountTotals): string {
  const amount = (n: number | null) => (n === null ? '—' : t.currency ? money(n, t.currency) : String(n));
  return `│ Account totals: billed ${amount(t.billed)} · outstanding ${amount(t.outstanding)} · ${hours(t.absorbedHours)} absorbed in change orders`;
}
