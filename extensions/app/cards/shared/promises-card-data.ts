/**
 * The promises part of the cards API contract: the deal's promises (Commitments), its handoff
 * review, and "Deals like this" for an open deal. card-data.ts adds these as optional fields, so a
 * service that does not send them yet still parses.
 *
 * Plain TypeScript and zod only (see card-data.ts). It does not import card-data.ts, which imports it.
 */
import { z } from 'zod';

const text = z.string().nullable();
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date (YYYY-MM-DD)');
const recordId = z.string().regex(/^\d+$/, 'a numeric HubSpot record id');
const objectTypeId = z.string().regex(/^\d+-\d+$/, 'an object type id such as 2-12345');

/** The Commitment's status (schemas/ object deal_commitment). */
export const COMMITMENT_STATUSES = ['open', 'kept', 'at_risk', 'broken', 'change_order'] as const;
export const commitmentStatusSchema = z.enum(COMMITMENT_STATUSES);
export type CommitmentStatus = z.infer<typeof commitmentStatusSchema>;

export const cardCommitmentSchema = z.object({
  id: recordId,
  title: z.string(),
  toWhom: text,
  byWhom: text,
  /** proposal / verbal / email, and its label in the portal. */
  how: text,
  howLabel: text,
  /** null: nobody said yet. */
  inSignedScope: z.boolean().nullable(),
  /** Outside the signed scope: priced / accepted / declined, and its label. */
  scopeDecision: text,
  scopeDecisionLabel: text,
  dueDate: calendarDate.nullable(),
  status: commitmentStatusSchema,
  statusLabel: text,
  deliveryNote: text,
});
export type CardCommitment = z.infer<typeof cardCommitmentSchema>;

export const commitmentsSectionSchema = z.object({
  items: z.array(cardCommitmentSchema),
  /** The Commitment object type id, so "Add a promise" can open HubSpot's create form. */
  objectTypeId,
  /** The button's label, the same words the gate's fixes quote. */
  addLabel: z.string(),
});
export type CommitmentsSection = z.infer<typeof commitmentsSectionSchema>;

export const HANDOFF_REVIEW_STATES = ['not_yet', 'due', 'overdue', 'answered'] as const;
export const handoffReviewSectionSchema = z.object({
  state: z.enum(HANDOFF_REVIEW_STATES),
  /** Kickoff + the configured delay; null before kickoff. */
  dueDate: calendarDate.nullable(),
  daysOverdue: z.number().int().nonnegative(),
  /** The "Handoff review" questions in their order, with delivery's answers (null: not answered). */
  answers: z.array(z.object({ name: z.string(), label: z.string(), value: text })),
  /** Labels of the required answers still missing. */
  unanswered: z.array(z.string()),
});
export type HandoffReviewSection = z.infer<typeof handoffReviewSectionSchema>;

export const LIKE_THIS_STATES = ['none', 'small_sample', 'ready'] as const;
export const dealsLikeThisSchema = z.object({
  state: z.enum(LIKE_THIS_STATES),
  /** Closed-won deals it stands on. */
  basedOn: z.number().int().nonnegative(),
  /** "Deal type: New business"; null when the deal has no value to match on. */
  groupLabel: text,
  /** Small sample: not to be over-read. */
  caution: text,
  sentences: z.array(z.string()),
  /** Hours per deal beyond the proposal, by cause. */
  chart: z.array(z.object({ label: z.string(), hoursPerDeal: z.number() })),
  /** ISO timestamp of the summary (refreshed daily). */
  computedAt: z.string(),
});
export type DealsLikeThisSection = z.infer<typeof dealsLikeThisSchema>;
