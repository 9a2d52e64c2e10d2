import { z } from 'zod';
import { propertyRef, text } from './schema-parts';
import { OBJECT_TYPE_IDS } from '../hubspot/standard-object-types';

/** ISO 4217, as HubSpot stores it on deals (deal_currency_code) and invoices (hs_currency). */
const currencyCode = z.string().regex(/^[A-Z]{3}$/, {
  error: (iss) => `"${String(iss.input)}" is not a currency code — write it like EUR or USD (ISO 4217, upper case)`,
});

const days = z.number().min(0);
const description = z.string().optional();

const thresholdsSchema = z.strictObject({
  /** Hours burned ahead of the timeline elapsed by more than this many points → at risk. */
  burnAheadOfTimePoints: z.number().min(0).default(15),
  /** Hours burned above this share of the budget → off track. */
  offTrackBurnPct: z.number().positive().default(100),
  pendingChangeOrderDays: days.default(7),
  milestoneGraceDays: days.default(0),
  urgentTicketOpenDays: days.default(3),
  invoiceOverdueDays: days.default(30),
});

const ticketsSchema = z.strictObject({
  description,
  enabled: z.boolean(),
  objectType: z.string().min(1).default(OBJECT_TYPE_IDS.tickets),
  properties: z.strictObject({ pipeline: propertyRef, stage: propertyRef, priority: propertyRef, openedAt: propertyRef }),
  /** Values of the priority property that count as urgent, as HubSpot stores them. */
  urgentValues: z.array(text).min(1),
});

const invoicesSchema = z.strictObject({
  description,
  enabled: z.boolean(),
  objectType: z.string().min(1).default(OBJECT_TYPE_IDS.invoices),
  properties: z.strictObject({
    status: propertyRef,
    amountBilled: propertyRef,
    amountPaid: propertyRef,
    balanceDue: propertyRef,
    dueDate: propertyRef,
    currency: propertyRef,
  }),
  /** Statuses whose invoices are not (or no longer) billed: drafts, voided ones. */
  notBilledStatuses: z.array(text).default([]),
});

const projectsSchema = z.strictObject({
  description,
  enabled: z.boolean().default(false),
  objectType: z.string().min(1).default(OBJECT_TYPE_IDS.projects),
  properties: z.strictObject({ name: propertyRef, pipeline: propertyRef, stage: propertyRef, dueDate: propertyRef }),
});

export const deliveryHealthSchema = z.strictObject({
  description,
  thresholds: thresholdsSchema.default(thresholdsSchema.parse({})),
  costRate: z.strictObject({
    description,
    /** Cost of one hour of delivery when the scope names none; null: no margin without a scope rate. */
    defaultPerHour: z.number().positive().nullable(),
    currency: currencyCode,
  }),
  sources: z.strictObject({ tickets: ticketsSchema, invoices: invoicesSchema, projects: projectsSchema }),
});

export type DeliveryHealthPolicy = z.infer<typeof deliveryHealthSchema>;
export type DeliveryThresholds = z.infer<typeof thresholdsSchema>;
