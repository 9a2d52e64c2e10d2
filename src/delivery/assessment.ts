import type { DeliveryHealthPolicy } from '../model';

/**
 * What assessDelivery judges by: schemas/delivery-health.json, and the portal's company currency
 * (PORTAL_CURRENCY, the one source of it) for deals and invoices that name none.
 */
export type DeliveryPolicy = DeliveryHealthPolicy & { portalCurrency: string };

/** What assessDelivery returns. null in a figure means "not enough data to say"; `missing` says why. */

export type DeliveryHealth = 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'closed';

export type HealthRule =
  | 'burn_ahead_of_time'
  | 'over_budget'
  | 'change_order_pending'
  | 'milestone_overdue'
  | 'urgent_ticket_open'
  | 'invoice_overdue'
  | 'project_overdue'
  | 'commitment_broken'
  | 'commitment_at_risk';

export interface HealthFinding {
  rule: HealthRule;
  health: 'at_risk' | 'off_track';
  reason: string;
}

/** Why margin now differs from plan; positive points are lost, negative ones gained. */
export type MarginCause = 'absorbed_change_orders' | 'billed_change_orders' | 'estimate_overrun';

export interface MarginFigures {
  plannedPct: number | null;
  nowPct: number | null;
  /** How the hours still to come were counted: the scope's estimate to complete, or what is left of the budget. */
  basis: 'estimate_to_complete' | 'budget_left' | null;
  /** Sums to plannedPct − nowPct; empty when either is null. */
  pointsLost: Array<{ cause: MarginCause; points: number }>;
}

export interface ChangeOrderFigures {
  billedAmount: number | null;
  billedHours: number | null;
  absorbedHours: number | null;
  /** What the absorbed change orders would have billed. */
  absorbedAmount: number | null;
  pendingCount: number;
  oldestPendingDays: number | null;
}

export interface DeliveryFigures {
  /** The deal's currency: every amount is in it (amounts in others are left out, never converted). */
  currency: string;
  hoursBudget: number | null;
  hoursLogged: number | null;
  burnPct: number | null;
  timeElapsedPct: number | null;
  changeOrders: ChangeOrderFigures;
  /** null when tickets are disabled or not in the portal. */
  tickets: { open: number; urgent: number } | null;
  /** null when invoices are disabled or not in the portal; a sum is null when a counted invoice lacks its value. */
  billing: { billed: number | null; paid: number | null; outstanding: number | null; overdue: number | null } | null;
  margin: MarginFigures;
}

export interface DeliveryAssessment {
  health: DeliveryHealth;
  /** Plain sentences a rep understands: why the health is what it is. */
  reasons: string[];
  /** The rules that tripped, worst first; their reasons are in `reasons` too. */
  findings: HealthFinding[];
  /** "Not enough data to say …" for every figure or rule left out. */
  missing: string[];
  figures: DeliveryFigures;
}
