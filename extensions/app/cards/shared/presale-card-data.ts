/**
 * The pre-sale part of the cards API contract: what the service sends while a deal is still
 * being sold (the deal card's `presale`): the stage's work units, delivery's feasibility review
 * of the Scope, and the delivery team's capacity with this scope on top. card-data.ts adds it as
 * an optional field, so a service that does not send it yet still parses.
 *
 * Hours are unrounded (the card rounds); figures the service cannot know are null, and `missing`
 * says why. Plain TypeScript and zod only (see card-data.ts); it does not import card-data.ts.
 */
import { z } from 'zod';

const text = z.string().nullable();
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date (YYYY-MM-DD)');
const recordId = z.string().regex(/^\d+$/, 'a numeric HubSpot record id');
const hours = z.number().nonnegative();

/** A gate rule's mode: enforce sends the deal back; advise shows the checklist and a task only. */
export const RULE_MODES = ['enforce', 'advise'] as const;
export const ruleModeSchema = z.enum(RULE_MODES);
export type RuleModeShown = z.infer<typeof ruleModeSchema>;

export const UNIT_STATES = ['done', 'open', 'overdue'] as const;
export const cardUnitSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** done: its deliverable exists (not merely the task ticked); overdue: past its due date. */
  state: z.enum(UNIT_STATES),
  dueDate: calendarDate,
  ownerName: text,
  /** What counts as done, in words ("Scope: Feasibility review is Feasible or Feasible with changes"). */
  doneWhen: z.string(),
  howToFinish: text,
  /** The task was ticked but the deliverable is missing. */
  tickedWithoutDeliverable: z.boolean(),
});
export type CardUnit = z.infer<typeof cardUnitSchema>;

export const FEASIBILITY_STATUSES = ['requested', 'in_review', 'feasible', 'feasible_with_changes', 'not_feasible'] as const;
export const feasibilityStatusSchema = z.enum(FEASIBILITY_STATUSES);
export type FeasibilityStatus = z.infer<typeof feasibilityStatusSchema>;

export const cardFeasibilitySchema = z.object({
  scopeId: recordId,
  scopeName: z.string(),
  /** null: nobody asked delivery yet. */
  status: feasibilityStatusSchema.nullable(),
  requestedAt: text,
  /** requestedAt for people, in the portal's time zone. */
  requestedAtText: text,
  reviewedBy: text,
  notes: text,
  committedTimelineWeeks: z.number().positive().nullable(),
  committedStart: calendarDate.nullable(),
  /** What the proposal says today, to set beside delivery's commitment. */
  proposalTimelineWeeks: z.number().positive().nullable(),
  plannedStart: calendarDate.nullable(),
});
export type CardFeasibility = z.infer<typeof cardFeasibilitySchema>;

export const CAPACITY_VERDICTS = ['fits', 'tight', 'over'] as const;
export const capacityVerdictSchema = z.enum(CAPACITY_VERDICTS);
export type CapacityVerdictShown = z.infer<typeof capacityVerdictSchema>;

export const cardCapacityWeekSchema = z.object({
  weekStart: calendarDate,
  capacityHours: hours,
  committedHours: hours,
  proposedHours: hours,
  loadPct: z.number().nonnegative().nullable(),
});
export type CardCapacityWeek = z.infer<typeof cardCapacityWeekSchema>;

export const cardCapacitySchema = z.object({
  teamLabel: z.string(),
  /** null: the scope lacks what it takes to say (see missing). */
  verdict: capacityVerdictSchema.nullable(),
  tightAbovePct: z.number().positive(),
  weeks: z.array(cardCapacityWeekSchema),
  /** Weeks of the scope (1 = its first) that would go over capacity. */
  overflowWeeks: z.array(z.object({ weekStart: calendarDate, scopeWeek: z.number().int().positive(), overHours: hours })),
  proposedStart: calendarDate.nullable(),
  earliestFit: calendarDate.nullable(),
  /** The verdict and what to do, in words (assessCapacity's summary). */
  summary: z.array(z.string()),
  missing: z.array(z.string()),
});
export type CardCapacity = z.infer<typeof cardCapacitySchema>;

export const presaleSectionSchema = z.object({
  /** The stage whose playbook the units come from. */
  stageLabel: text,
  units: z.array(cardUnitSchema),
  /** null: the deal has no Scope to review yet. */
  review: cardFeasibilitySchema.nullable(),
  /** null: no team on the scope, or capacity could not be read (capacityProblem says which). */
  capacity: cardCapacitySchema.nullable(),
  capacityProblem: text,
});
export type PresaleSection = z.infer<typeof presaleSectionSchema>;
