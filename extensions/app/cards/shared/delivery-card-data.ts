/**
 * The delivery part of the cards API contract: what the service sends once a deal is in delivery
 * (the deal card's `delivery`), and the company card's per-engagement health and account totals.
 * card-data.ts adds these as optional fields, so a service that does not send them yet still parses.
 *
 * Figures the service cannot know are null, never 0: the card then says "not enough data to say",
 * and `missing` says why in words. Percentages are unrounded (the card rounds); amounts are in
 * `currency`, the deal's currency code.
 *
 * Plain TypeScript and zod only (see card-data.ts). It does not import card-data.ts, which imports it.
 */
import { z } from 'zod';

const text = z.string().nullable();
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar date (YYYY-MM-DD)');
const recordId = z.string().regex(/^\d+$/, 'a numeric HubSpot record id');
const objectTypeId = z.string().regex(/^\d+-\d+$/, 'an object type id such as 2-12345');
/** ISO 4217, as HubSpot's deal_currency_code holds it. */
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'a currency code such as USD');
const figure = z.number().nullable();
const hours = z.number().nonnegative().nullable();

export const DELIVERY_HEALTHS = ['not_started', 'on_track', 'at_risk', 'off_track', 'closed'] as const;
export const deliveryHealthSchema = z.enum(DELIVERY_HEALTHS);
export type DeliveryHealth = z.infer<typeof deliveryHealthSchema>;

export const DELIVERY_SOURCES = ['tickets', 'invoices', 'projects'] as const;
export const SOURCE_STATUSES = ['ok', 'unavailable', 'disabled'] as const;
export const deliverySourceSchema = z.object({
  source: z.enum(DELIVERY_SOURCES),
  /** unavailable: configured but could not be read this time; disabled: this portal does not use it. */
  status: z.enum(SOURCE_STATUSES),
  message: text,
});
export type DeliverySource = z.infer<typeof deliverySourceSchema>;

export const deliveryHoursSchema = z.object({
  budget: hours,
  logged: hours,
  /** logged / budget × 100; above 100 when over budget. */
  burnPct: figure,
  /** Share of the delivery timeline already behind us, 0–100. */
  timeElapsedPct: figure,
});
export type DeliveryHours = z.infer<typeof deliveryHoursSchema>;

export const deliveryBillingSchema = z.object({ billed: z.number(), outstanding: z.number(), overdue: z.number() });
export type DeliveryBilling = z.infer<typeof deliveryBillingSchema>;

export const marginLossSchema = z.object({
  cause: z.string(),
  /** The cause in words ("Absorbed change orders"). */
  label: z.string(),
  points: z.number(),
});
export type MarginLoss = z.infer<typeof marginLossSchema>;

export const deliveryMarginSchema = z.object({ plannedPct: figure, nowPct: figure, pointsLost: z.array(marginLossSchema) });
export type DeliveryMargin = z.infer<typeof deliveryMarginSchema>;

/** The Change Order's decision (schemas/ object change_order); "requested" is pending a decision. */
export const CHANGE_ORDER_DECISIONS = ['requested', 'billed', 'absorbed', 'rejected'] as const;
export const changeOrderDecisionSchema = z.enum(CHANGE_ORDER_DECISIONS);
export type ChangeOrderDecision = z.infer<typeof changeOrderDecisionSchema>;

export const cardChangeOrderSchema = z.object({
  id: recordId,
  title: z.string(),
  cause: text,
  /** The cause option's label in the portal, when it has one. */
  causeLabel: text,
  decision: changeOrderDecisionSchema,
  hours,
  amount: figure,
  /** Days since it was requested. */
  ageDays: z.number().int().nonnegative(),
});
export type CardChangeOrder = z.infer<typeof cardChangeOrderSchema>;

export const cardTicketSchema = z.object({
  id: recordId,
  subject: z.string(),
  /** HubSpot's hs_ticket_priority: LOW, MEDIUM, HIGH, URGENT. */
  priority: text,
  openDays: z.number().int().nonnegative(),
});
export type CardTicket = z.infer<typeof cardTicketSchema>;

export const deliveryTicketsSchema = z.object({
  open: z.number().int().nonnegative(),
  urgent: z.number().int().nonnegative(),
  /** The oldest open ones, at most a handful. */
  items: z.array(cardTicketSchema),
});
export type DeliveryTickets = z.infer<typeof deliveryTicketsSchema>;

export const nextMilestoneSchema = z.object({
  name: z.string(),
  date: calendarDate.nullable(),
  /** Negative when the date has passed. */
  daysToGo: z.number().int().nullable(),
});
export type NextMilestone = z.infer<typeof nextMilestoneSchema>;

export const deliverySectionSchema = z.object({
  phase: text,
  phaseLabel: text,
  health: deliveryHealthSchema,
  healthLabel: text,
  /** Why the health is what it is, in words, worst first. */
  reasons: z.array(z.string()),
  /** What the service could not judge, in words ("No hour budget on the scope"). */
  missing: z.array(z.string()),
  currency: currencyCode.nullable(),
  hours: deliveryHoursSchema,
  /** Null when there are no invoices to read (see `sources`). */
  billing: deliveryBillingSchema.nullable(),
  margin: deliveryMarginSchema.nullable(),
  changeOrders: z.array(cardChangeOrderSchema),
  /** Null when tickets could not be read (see `sources`). */
  tickets: deliveryTicketsSchema.nullable(),
  nextMilestone: nextMilestoneSchema.nullable(),
  sources: z.array(deliverySourceSchema),
  checkedAt: text,
  /** The Change Order object type id, so the card can open HubSpot's create form. */
  changeOrderObjectTypeId: objectTypeId,
});
export type DeliverySection = z.infer<typeof deliverySectionSchema>;

/** One engagement's delivery, for the company card's engagements table. */
export const engagementDeliverySchema = z.object({
  health: deliveryHealthSchema,
  healthLabel: text,
  plannedMarginPct: figure,
  marginPct: figure,
});
export type EngagementDelivery = z.infer<typeof engagementDeliverySchema>;

/** Every engagement of the account added up; billed / outstanding null when invoices are not read. */
export const accountTotalsSchema = z.object({
  currency: currencyCode.nullable(),
  billed: figure,
  outstanding: figure,
  absorbedHours: z.number().nonnegative(),
});
export type AccountTotals = z.infer<typeof accountTotalsSchema>;
