/**
 * Property names the delivery phase reads and writes by name; like well-known-properties.ts, the
 * model loader checks each one exists in schemas/.
 */

/** The deal's "Delivery health" group, written by Throughline. */
export const DELIVERY_HEALTH_PROPERTIES = {
  health: 'delivery_health',
  reasons: 'delivery_health_reasons',
  hoursBudget: 'delivery_hours_budget',
  hoursLogged: 'delivery_hours_logged',
  burnPct: 'delivery_burn_pct',
  timeElapsedPct: 'delivery_time_elapsed_pct',
  changeOrdersBilledAmount: 'delivery_change_orders_billed_amount',
  changeOrdersAbsorbedHours: 'delivery_change_orders_absorbed_hours',
  changeOrdersPending: 'delivery_change_orders_pending',
  openTickets: 'delivery_open_tickets',
  urgentTickets: 'delivery_urgent_tickets',
  billedAmount: 'delivery_billed_amount',
  outstandingAmount: 'delivery_outstanding_amount',
  overdueAmount: 'delivery_overdue_amount',
  plannedMarginPct: 'delivery_planned_margin_pct',
  marginNowPct: 'delivery_margin_now_pct',
  checkedAt: 'delivery_health_checked_at',
} as const;

/** Bookkeeping on the deal: the open delivery-health tasks of the AE and of the delivery lead. */
export const DELIVERY_TASK_PROPERTIES = {
  aeTaskId: 'delivery_ae_task_id',
  leadTaskId: 'delivery_lead_task_id',
} as const;

/** The Scope's delivery properties (beside SCOPE_PROPERTIES). */
export const SCOPE_DELIVERY_PROPERTIES = {
  phase: 'delivery_phase',
  startDate: 'delivery_start_date',
  timelineWeeks: 'delivery_timeline_weeks',
  proposalHours: 'proposal_hours',
  estimateHours: 'delivery_estimate_hours',
  hoursLogged: 'hours_logged',
  hoursRemaining: 'hours_remaining',
  nextMilestone: 'next_milestone',
  nextMilestoneDate: 'next_milestone_date',
  costRate: 'cost_rate_per_hour',
} as const;

export const CHANGE_ORDER_PROPERTIES = {
  title: 'change_order_title',
  description: 'change_order_description',
  cause: 'change_order_cause',
  hours: 'change_order_hours',
  amount: 'change_order_amount',
  decision: 'change_order_decision',
  decisionReason: 'change_order_decision_reason',
  decidedBy: 'change_order_decided_by',
  decidedAt: 'change_order_decided_at',
  /** Bookkeeping: the delivery lead's task while the change order waits for a decision. */
  taskId: 'change_order_task_id',
} as const;
