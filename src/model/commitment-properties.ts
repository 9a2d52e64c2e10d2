/**
 * Property names the promises loop reads and writes by name; like well-known-properties.ts, the
 * model loader checks each one exists in schemas/.
 */

/** The Commitment object (role `commitment`, default name deal_commitment). */
export const COMMITMENT_PROPERTIES = {
  title: 'commitment_title',
  details: 'commitment_details',
  toWhom: 'commitment_to_whom',
  byWhom: 'commitment_by_whom',
  how: 'commitment_how',
  inSignedScope: 'commitment_in_signed_scope',
  scopeDecision: 'commitment_scope_decision',
  dueDate: 'commitment_due_date',
  status: 'commitment_status',
  deliveryNote: 'commitment_delivery_note',
  extraWork: 'commitment_extra_work',
} as const;

/**
 * The change order's link to the promise it came from. Change order ↔ commitment is custom ↔
 * custom, which provisioning cannot associate yet (docs/decisions.md "Delivery phase"), so the
 * change order holds the commitment's record id.
 */
export const CHANGE_ORDER_COMMITMENT_PROPERTY = 'change_order_commitment_id';

/** The deal's "Handoff review" group: delivery's answers after kickoff, and Throughline's bookkeeping. */
export const HANDOFF_REVIEW_PROPERTIES = {
  buyerBelief: 'handoff_review_buyer_belief',
  beliefMatched: 'handoff_review_belief_matched',
  rediscovered: 'handoff_review_rediscovered',
  rediscoveryHours: 'handoff_review_rediscovery_hours',
  extraWorkPromises: 'handoff_review_extra_work_promises',
  readiness: 'handoff_review_readiness',
  momentumDrop: 'handoff_review_momentum_drop',
  marginAssumptions: 'handoff_review_margin_assumptions',
  salesLesson: 'handoff_review_sales_lesson',
  state: 'handoff_review_state',
  dueDate: 'handoff_review_due_date',
  taskId: 'handoff_review_task_id',
} as const;

export const HANDOFF_REVIEW_GROUP = 'handoff_review';
