import type { DeliveryThresholds } from '../model';
import type { HealthFinding } from './assessment';
import type { OverdueInvoice } from './billing';
import type { BurnFigures } from './burn';
import type { PendingChangeOrder } from './change-orders';
import { wholeDaysPast } from './days';
import type { DeliveryPhase } from './delivery-inputs';
import type { LateProject } from './projects';
import type { UrgentTicket } from './tickets';
import { count, days, hours, money, pct, points, quoted } from './words';

export interface RuleFacts {
  phase: DeliveryPhase;
  currency: string;
  burn: BurnFigures;
  pendingChangeOrders: PendingChangeOrder[];
  nextMilestone: { name: string | null; date: Date | null };
  urgentTickets: UrgentTicket[];
  overdueInvoices: OverdueInvoice[];
  lateProjects: LateProject[];
}

export interface RuleOutcome {
  /** Worst first. */
  findings: HealthFinding[];
  missing: string[];
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Strictly above, ignoring float noise: 220 / 400 × 100 is 55.00000000000001, which is not above 55. */
const exceeds = (value: number, threshold: number) => value - threshold > 1e-9;

/**
 * Every threshold is strict (the figure must exceed it). Once delivered, the timeline no longer
 * matters: burn against time, milestones and projects are not judged; budget, change orders,
 * tickets and invoices still are.
 */
export function evaluateHealthRules(facts: RuleFacts, t: DeliveryThresholds, now: Date): RuleOutcome {
  const findings: HealthFinding[] = [];
  const missing: string[] = [];
  const timed = facts.phase !== 'delivered';
  const { burnPct, timeElapsedPct, hoursBudget, hoursLogged } = facts.burn;

  if (burnPct !== null && exceeds(burnPct, t.offTrackBurnPct)) {
    findings.push({
      rule: 'over_budget',
      health: 'off_track',
      reason: `Hours are over budget: ${hours(hoursLogged!)} logged against a budget of ${hours(hoursBudget!)} (${hours(hoursLogged! - hoursBudget!)} over)`,
    });
  }
  if (timed && burnPct !== null && timeElapsedPct !== null && exceeds(burnPct - timeElapsedPct, t.burnAheadOfTimePoints)) {
    findings.push({
      rule: 'burn_ahead_of_time',
      health: 'at_risk',
      reason: `Hours are ${points(burnPct - timeElapsedPct)} ahead of time elapsed (${pct(burnPct)} burned, ${pct(timeElapsedPct)} of the timeline gone)`,
    });
  }

  const stale = facts.pendingChangeOrders.filter((co) => exceeds(co.ageDays, t.pendingChangeOrderDays));
  if (stale.length > 0) {
    const oldest = stale[0]!;
    findings.push({
      rule: 'change_order_pending',
      health: 'at_risk',
      reason: `${count(stale.length, 'change order', 'change orders')} undecided for more than ${days(t.pendingChangeOrderDays)} (oldest: ${quoted(oldest.title, 'untitled')}, ${days(oldest.ageDays)})`,
    });
  }

  if (timed) {
    const { name, date } = facts.nextMilestone;
    if (date === null) {
      missing.push('Not enough data to say whether the next milestone is on time: the scope has no next milestone date');
    } else if (wholeDaysPast(date, now) > t.milestoneGraceDays) {
      findings.push({
        rule: 'milestone_overdue',
        health: 'at_risk',
        reason: `Next milestone ${quoted(name, '(unnamed)')} is ${days(wholeDaysPast(date, now))} past its date (${isoDate(date)})`,
      });
    }
    const late = facts.lateProjects.filter((p) => p.daysLate > t.milestoneGraceDays);
    if (late.length > 0) {
      findings.push({
        rule: 'project_overdue',
        health: 'at_risk',
        reason: `${count(late.length, 'project is', 'projects are')} past due (latest: "${late[0]!.name}", ${days(late[0]!.daysLate)})`,
      });
    }
  }

  const urgent = facts.urgentTickets.filter((tk) => exceeds(tk.daysOpen, t.urgentTicketOpenDays));
  if (urgent.length > 0) {
    const longest = urgent[0]!;
    findings.push({
      rule: 'urgent_ticket_open',
      health: 'at_risk',
      reason: `${count(urgent.length, 'urgent ticket', 'urgent tickets')} open for more than ${days(t.urgentTicketOpenDays)} (longest: ${quoted(longest.subject, 'untitled')}, ${days(longest.daysOpen)})`,
    });
  }

  const overdue = facts.overdueInvoices.filter((i) => i.daysOverdue > t.invoiceOverdueDays);
  if (overdue.length > 0) {
    const due = overdue.reduce((total, i) => total + i.balanceDue, 0);
    findings.push({
      rule: 'invoice_overdue',
      health: 'at_risk',
      reason: `${count(overdue.length, 'invoice', 'invoices')} more than ${days(t.invoiceOverdueDays)} overdue (${money(due, facts.currency)} due; oldest: ${overdue[0]!.number}, ${days(overdue[0]!.daysOverdue)})`,
    });
  }

  findings.sort((a, b) => (a.health === b.health ? 0 : a.health === 'off_track' ? -1 : 1));
  return { findings, missing };
}
