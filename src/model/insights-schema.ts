import { z } from 'zod';
import { propertyRef } from './schema-parts';

const description = z.string().optional();

/** Groupings the insights know by name; anything else names a deal property. */
export const NAMED_GROUPINGS = ['dealtype', 'pipeline', 'owner'] as const;

const handoffReviewSchema = z.strictObject({
  description,
  /** Days after kickoff (the Scope's delivery start date) when the review falls due. */
  delayDays: z.number().int().min(0).max(365).default(14),
  /** The answers that make a review answered (properties of the deal's "Handoff review" group). */
  requiredAnswers: z.array(propertyRef).min(1),
});

const outcomesSchema = z.strictObject({
  description,
  /** dealtype, pipeline, owner, or a deal property's name; "Deals like this" matches on it too. */
  groupBy: propertyRef.default('dealtype'),
  /** A group with fewer closed-won deals than this is marked small, and the card says so. */
  smallGroupBelow: z.number().int().min(1).default(5),
  /** How many of delivery's "what sales should know" answers a group keeps, newest first. */
  lessonsShown: z.number().int().min(0).max(10).default(3),
});

export const insightsSchema = z.strictObject({
  description,
  handoffReview: handoffReviewSchema,
  outcomes: outcomesSchema.default(outcomesSchema.parse({})),
});

export type InsightsSettings = z.infer<typeof insightsSchema>;
export type HandoffReviewSettings = z.infer<typeof handoffReviewSchema>;
export type OutcomeSettings = z.infer<typeof outcomesSchema>;
