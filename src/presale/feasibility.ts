import { parseHubSpotDate, type CalendarDate } from '../dates/calendar';
import type { LinkedRecord } from '../gate/types';
import { FEASIBILITY_PROPERTIES as F, FEASIBILITY_STATUSES, type FeasibilityStatus } from '../model/presale-properties';
import type { Properties } from '../hubspot/types';

/** Delivery's review of a Scope before the proposal, as read from the Scope. */
export interface FeasibilityReview {
  scopeId: string;
  /** null: nobody asked yet. */
  status: FeasibilityStatus | null;
  notes: string | null;
  requestedAt: string | null;
  reviewedBy: string | null;
  committedTimelineWeeks: number | null;
  committedStart: CalendarDate | null;
}

const textOf = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
const numberOf = (v: string | null | undefined) => (v && v.trim() && Number.isFinite(Number(v)) ? Number(v) : null);

export function readFeasibilityReview(scope: LinkedRecord): FeasibilityReview {
  const p = scope.properties;
  const status = textOf(p[F.status]);
  return {
    scopeId: scope.id,
    status: FEASIBILITY_STATUSES.find((s) => s === status) ?? null,
    notes: textOf(p[F.notes]),
    requestedAt: textOf(p[F.requestedAt]),
    reviewedBy: textOf(p[F.reviewedBy]),
    committedTimelineWeeks: numberOf(p[F.committedTimelineWeeks]),
    committedStart: parseHubSpotDate(p[F.committedStart]) ?? null,
  };
}

export const isAnswered = (s: FeasibilityStatus | null): boolean => s === 'feasible' || s === 'feasible_with_changes' || s === 'not_feasible';
export const isPending = (s: FeasibilityStatus | null): boolean => s === 'requested' || s === 'in_review';

export type ReviewRequest = { ok: true; properties: Properties } | { ok: false; reason: string };

/**
 * What the card's "Ask delivery for a review" writes on the Scope. A review already asked for is
 * not asked again (pressing twice changes nothing); an answered one can be asked again after the
 * scope changed, and the old answer's commitments are cleared with it.
 */
export function reviewRequest(review: FeasibilityReview, now: Date): ReviewRequest {
  if (isPending(review.status))
    return {
      ok: false,
      reason: `Delivery was already asked${review.requestedAt ? ` (${review.requestedAt})` : ''}: the review is ${review.status === 'requested' ? 'requested' : 'in review'}.`,
    };
  return {
    ok: true,
    properties: {
      [F.status]: 'requested',
      [F.requestedAt]: now.toISOString(),
      ...(isAnswered(review.status) ? { [F.committedTimelineWeeks]: '', [F.committedStart]: '', [F.reviewedBy]: '' } : {}),
    },
  };
}
