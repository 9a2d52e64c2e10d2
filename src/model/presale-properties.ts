/**
 * The Scope's feasibility review, read and written by name (the card's "Ask delivery" writes the
 * request; the card shows the answer). Like well-known-properties.ts, the loader checks each exists.
 */
export const FEASIBILITY_PROPERTIES = {
  status: 'feasibility_review_status',
  notes: 'feasibility_review_notes',
  requestedAt: 'feasibility_requested_at',
  reviewedBy: 'feasibility_reviewed_by',
  committedTimelineWeeks: 'committed_timeline_weeks',
  committedStart: 'committed_start_date',
} as const;

/** The review's values, in order (schemas/objects/delivery-scope.json, feasibility_review_status). */
export const FEASIBILITY_STATUSES = ['requested', 'in_review', 'feasible', 'feasible_with_changes', 'not_feasible'] as const;
export type FeasibilityStatus = (typeof FEASIBILITY_STATUSES)[number];
