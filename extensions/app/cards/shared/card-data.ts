/**
 * The cards API contract: the JSON the service serves (GET /api/cards/deals/:id, POST …/recheck,
 * GET /api/cards/companies/:id) and the cards render. ONE definition for both sides:
 *
 * - the cards parse every response with these schemas (a service that answers in another shape
 *   shows the "update the app" error state instead of a broken card);
 * - the service builds its JSON with the inferred types (src/cards/card-data.ts re-exports them,
 *   type-only, so the service's runtime never loads this file);
 * - test/cards/contract.test.ts runs the real service on the local stand-in, calls the endpoints
 *   signed like HubSpot does, and parses the answers with these schemas.
 *
 * Plain TypeScript and zod only: no React, nothing HubSpot-specific, so both worlds can import it.
 */
import { z } from 'zod';
import { accountTotalsSchema, deliverySectionSchema, engagementDeliverySchema } from './delivery-card-data';
import { commitmentsSectionSchema, dealsLikeThisSchema, handoffReviewSectionSchema } from './promises-card-data';
import { presaleSectionSchema, ruleModeSchema } from './presale-card-data';

const text = z.string().nullable();
/** `YYYY-MM-DD` in the portal's time zone. */
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date (YYYY-MM-DD)');
const recordId = z.string().regex(/^\d+$/, 'a numeric HubSpot record id');
/** `0-3`, `2-12345`: HubSpot's object type ids, for CrmActionButton. */
const objectTypeId = z.string().regex(/^\d+-\d+$/, 'an object type id such as 2-12345');

export const GATE_STATUSES = ['passed', 'blocked', 'overridden', 'not_checked'] as const;
export const gateStatusSchema = z.enum(GATE_STATUSES);
export type GateStatusShown = z.infer<typeof gateStatusSchema>;

export const cardGateItemSchema = z.object({
  key: z.string(),
  /** What is checked, in the words of schemas/ ("Business problem filled in"). */
  label: z.string(),
  passed: z.boolean(),
  /** What to do about it, for a rep ("Fill in Business problem on the deal"). */
  fix: z.string(),
});
export type CardGateItem = z.infer<typeof cardGateItemSchema>;

/** One thing to do, with what it brings along: "Add a Service contract" and the fields it needs. */
export const cardMissingGroupSchema = z.object({ key: z.string(), action: z.string(), needs: z.array(z.string()) });
export type CardMissingGroup = z.infer<typeof cardMissingGroupSchema>;

export const cardGateSchema = z.object({
  /** What the gate last recorded on the deal. */
  status: gateStatusSchema,
  checkedAt: text,
  /** checkedAt for people, in the portal's time zone ("20 Nov 2026, 10:59 CET"). */
  checkedAtText: text,
  /** The live checklist against the deal's rule (or the rule it meets on closing). */
  live: z.enum(['passed', 'blocked', 'overridden']).nullable(),
  items: z.array(cardGateItemSchema),
  /** The failing items grouped by the action that fixes them; the card counts these. */
  missing: z.array(cardMissingGroupSchema),
  passedCount: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  overrideReason: text,
  stageLabel: text,
  /** The rule's mode (presale-card-data.ts); absent from services that predate it. */
  mode: ruleModeSchema.nullish(),
});
export type CardGate = z.infer<typeof cardGateSchema>;

export const cardFieldSchema = z.object({ name: z.string(), label: z.string(), value: text });
export type CardField = z.infer<typeof cardFieldSchema>;

export const cardComparisonSchema = z.object({
  label: z.string(),
  proposal: text,
  delivery: text,
  /** Both filled in and not equal: the card highlights it. */
  differs: z.boolean(),
});
export type CardComparison = z.infer<typeof cardComparisonSchema>;

export const cardScopeSchema = z.object({
  id: recordId,
  name: z.string(),
  status: text,
  statusLabel: text,
  approved: z.boolean(),
  deliverables: text,
  inScope: text,
  outOfScope: text,
  comparisons: z.array(cardComparisonSchema),
  discrepancyResolution: text,
});
export type CardScope = z.infer<typeof cardScopeSchema>;

export const cardContractSchema = z.object({
  id: recordId,
  name: z.string(),
  status: text,
  statusLabel: text,
  startDate: calendarDate.nullable(),
  termMonths: z.number().nullable(),
  renewalDate: calendarDate.nullable(),
  /** Negative when the renewal date has passed. */
  daysToRenewal: z.number().int().nullable(),
  autoRenew: z.boolean(),
  noticeDays: z.number().nullable(),
  /** Auto-renewing contracts only: the last day to give notice. */
  noticeDeadline: calendarDate.nullable(),
  value: z.number().nullable(),
  /** value with the deal's currency (else the portal's): "€180,000". */
  valueText: text,
});
export type CardContract = z.infer<typeof cardContractSchema>;

export const cardCustomerStatusSchema = z.object({
  id: recordId,
  status: text,
  statusLabel: text,
  reason: text,
  changedAt: text,
  /** Calendar date the current status started, in the portal's time zone (from history when changedAt is empty). */
  since: calendarDate.nullable(),
});
export type CardCustomerStatus = z.infer<typeof cardCustomerStatusSchema>;

export const dealCardDataSchema = z.object({
  deal: z.object({ id: recordId, name: z.string(), stage: text, pipeline: text }),
  gate: cardGateSchema,
  /** The "Delivery handoff" group of schemas/deal-properties.json, in its order. */
  handoff: z.array(cardFieldSchema),
  scope: cardScopeSchema.nullable(),
  contract: cardContractSchema.nullable(),
  customerStatus: cardCustomerStatusSchema.nullable(),
  companyId: recordId.nullable(),
  /** The custom object type ids, so the card can open HubSpot's create forms. */
  objectTypes: z.object({ scope: objectTypeId, contract: objectTypeId }),
  /** Once the deal is in delivery (delivery-card-data.ts); absent from services that predate it. */
  delivery: deliverySectionSchema.nullish(),
  /** While the deal is being sold (presale-card-data.ts); absent from services that predate it. */
  presale: presaleSectionSchema.nullish(),
  /** The create buttons' labels, the same words the gate's fixes and tasks quote. */
  buttons: z.object({ addScope: z.string(), addContract: z.string() }),
  /** The promises made during the sale (promises-card-data.ts); absent from services that predate them. */
  commitments: commitmentsSectionSchema.nullish(),
  /** Won deals after kickoff: delivery's handoff review. */
  handoffReview: handoffReviewSectionSchema.nullish(),
  /** Open deals: what deals like this one taught. */
  dealsLikeThis: dealsLikeThisSchema.nullish(),
});
export type DealCardData = z.infer<typeof dealCardDataSchema>;

export const RECHECK_ACTIONS = ['pass', 'block', 'skip', 'advise'] as const;
export const recheckResponseSchema = z.object({
  /** pass / block: the gate ran and wrote its result; skip: the deal is not in a gated stage (or similar); advise: the stage's rule advises (task, no revert). */
  action: z.enum(RECHECK_ACTIONS),
  reason: z.string().optional(),
  /** block: the stage the deal went back to, as HubSpot labels it. */
  revertedTo: z.string().optional(),
  card: dealCardDataSchema,
});
export type RecheckResponse = z.infer<typeof recheckResponseSchema>;

export const statusChangeSchema = z.object({
  status: z.string(),
  statusLabel: z.string(),
  /** ISO timestamp of the change (HubSpot's property history). */
  at: z.string(),
  /** The day of the change in the portal's time zone. */
  date: calendarDate.nullable(),
  /** Who or what changed it, in words ("Throughline", "a user", "a workflow"). */
  by: z.string(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const companyStatusSchema = cardCustomerStatusSchema.extend({
  /** Newest first, at most a handful. */
  history: z.array(statusChangeSchema),
});
export type CompanyStatus = z.infer<typeof companyStatusSchema>;

export const engagementSchema = z.object({
  dealId: recordId,
  dealName: z.string(),
  stage: text,
  gateStatus: gateStatusSchema,
  scope: z.object({ id: recordId, name: z.string(), status: text, statusLabel: text, approved: z.boolean() }).nullable(),
  contract: cardContractSchema.nullable(),
  delivery: engagementDeliverySchema.nullish(),
});
export type Engagement = z.infer<typeof engagementSchema>;

export const nextRenewalSchema = z.object({
  date: calendarDate,
  daysToRenewal: z.number().int(),
  contractId: recordId,
  contractName: z.string(),
  dealId: recordId.nullable(),
  autoRenew: z.boolean(),
  noticeDeadline: calendarDate.nullable(),
});
export type NextRenewal = z.infer<typeof nextRenewalSchema>;

export const renewalTaskSchema = z.object({
  id: recordId,
  subject: z.string(),
  dueDate: calendarDate.nullable(),
  status: text,
  ownerId: text,
});
export type RenewalTask = z.infer<typeof renewalTaskSchema>;

export const companyCardDataSchema = z.object({
  company: z.object({ id: recordId, name: z.string() }),
  customerStatus: companyStatusSchema.nullable(),
  engagements: z.array(engagementSchema),
  nextRenewal: nextRenewalSchema.nullable(),
  renewalTasks: z.array(renewalTaskSchema),
  accountTotals: accountTotalsSchema.nullish(),
  objectTypes: z.object({ scope: objectTypeId, contract: objectTypeId, customerStatus: objectTypeId }),
  /** The portal's today, so "in 12 days" on the card agrees with the service. */
  today: calendarDate,
});
export type CompanyCardData = z.infer<typeof companyCardDataSchema>;

/** Every error the cards API answers with (see src/http/errors.ts). */
export const apiErrorSchema = z.object({ error: z.string(), message: z.string().optional(), requestId: z.string().optional() });
export type ApiError = z.infer<typeof apiErrorSchema>;
