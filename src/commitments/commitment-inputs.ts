import type { CalendarDate } from '../dates/calendar';

/**
 * A promise made during the sale (the Commitment object), already read and parsed: null where the
 * portal has no value, or holds a value the schema does not know.
 */

export const COMMITMENT_HOWS = ['proposal', 'verbal', 'email'] as const;
export type CommitmentHow = (typeof COMMITMENT_HOWS)[number];

export const COMMITMENT_STATUSES = ['open', 'kept', 'at_risk', 'broken', 'change_order'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** What was decided about a promise outside the signed scope before Closed Won. */
export const SCOPE_DECISIONS = ['priced', 'accepted', 'declined'] as const;
export type ScopeDecision = (typeof SCOPE_DECISIONS)[number];

export interface CommitmentInput {
  id: string;
  title: string | null;
  toWhom: string | null;
  byWhom: string | null;
  how: CommitmentHow | null;
  inSignedScope: boolean | null;
  scopeDecision: ScopeDecision | null;
  dueDate: CalendarDate | null;
  /** null counts as open. */
  status: CommitmentStatus | null;
  deliveryNote: string | null;
  /** Delivery's answer in the handoff review: this promise created extra work. */
  extraWork: boolean | null;
}
