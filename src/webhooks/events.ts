import { z } from 'zod';
import { normaliseSubscriptionType, type SubscriptionType } from './subscription-types';

/**
 * The webhook body: a JSON array of HubSpot events (≤ 100 per request from HubSpot).
 *
 * Decisions:
 * - Not an array → the batch is rejected (400). An array with an item that is not an object → 400:
 *   that is not a HubSpot batch at all.
 * - More than `maxEvents` items (default 1,000; HubSpot sends ≤ 100) → rejected as too large (413),
 *   before any item is looked at.
 * - An item with a subscription type the service does not know → skipped and counted (`unknownType`).
 * - An item that is an object of a known type but fails the schema → skipped, counted (`invalid`) and
 *   reported with its issues, so one bad event never loses the other 99. The sweep is the backstop.
 * - Types: ids are integers; a string of digits is accepted and normalised to a number (local
 *   stand-ins and old payloads send them so). `propertyValue` must be a string, as HubSpot sends it
 *   (dates as epoch-ms strings): a number or boolean is NOT coerced, because re-serialising it (`1.0`
 *   vs `"1"`, `true` vs `"true"`) could feed the gate a value HubSpot never stored — the event is
 *   invalid instead. Optional fields may be absent or null (null becomes absent).
 * - Unknown fields pass through untouched.
 */

const optional = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();

const id = z.union([
  z.int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number),
]);
const objectTypeId = z.string().regex(/^\d+-\d+$/, 'expected an object type id such as 0-3 or 2-1234');

const baseEvent = z.looseObject({
  eventId: id,
  subscriptionId: id,
  portalId: id,
  appId: optional(id),
  occurredAt: id,
  subscriptionType: z.string(),
  attemptNumber: id,
  objectId: optional(id),
  objectTypeId: optional(objectTypeId),
  propertyName: optional(z.string()),
  propertyValue: optional(z.string()),
  changeSource: optional(z.string()),
  sourceId: optional(z.string()),
  changeFlag: optional(z.string()),
});

const withObject = baseEvent.extend({ objectId: id });

export const EVENT_SCHEMAS = {
  'object.propertyChange': withObject.extend({ propertyName: z.string().min(1) }),
  'object.creation': withObject,
  'object.deletion': withObject,
  'object.restore': withObject,
  'object.merge': baseEvent.extend({
    primaryObjectId: optional(id),
    mergedObjectIds: optional(z.array(id)),
    newObjectId: optional(id),
    numberOfPropertiesMoved: optional(z.int()),
  }),
  'object.associationChange': baseEvent.extend({
    fromObjectId: id,
    toObjectId: id,
    fromObjectTypeId: optional(objectTypeId),
    toObjectTypeId: optional(objectTypeId),
    associationType: optional(z.string()),
    associationTypeId: optional(z.int()),
    associationCategory: optional(z.string()),
    associationRemoved: optional(z.boolean()),
    isPrimaryAssociation: optional(z.boolean()),
  }),
} satisfies Record<SubscriptionType, z.ZodType>;

type Schemas = typeof EVENT_SCHEMAS;

/** One event after validation, its subscription type normalised to `object.*`. */
export type HubSpotEventOf<T extends SubscriptionType> = z.output<Schemas[T]> & {
  subscriptionType: T;
  /** The legacy name HubSpot sent (`deal.propertyChange`), when it was one. */
  legacySubscriptionType?: string;
};
export type HubSpotEvent = { [T in SubscriptionType]: HubSpotEventOf<T> }[SubscriptionType];
export type PropertyChangeEvent = HubSpotEventOf<'object.propertyChange'>;

export type CreationEvent = HubSpotEventOf<'object.creation'>;

export function isPropertyChange(event: HubSpotEvent): event is PropertyChangeEvent {
  return event.subscriptionType === 'object.propertyChange';
}

export function isCreation(event: HubSpotEvent): event is CreationEvent {
  return event.subscriptionType === 'object.creation';
}

export interface SkippedItem {
  index: number;
  eventId?: unknown;
  subscriptionType?: unknown;
  /** For invalid items: `path: message`, at most five. Values are never echoed (they may be personal data). */
  issues?: string[];
}

export type BatchRejectionCode = 'not_an_array' | 'invalid_batch' | 'too_many_events';

export type ParsedBatch =
  | { ok: true; received: number; events: HubSpotEvent[]; unknownType: SkippedItem[]; invalid: SkippedItem[] }
  | { ok: false; code: BatchRejectionCode; message: string; received?: number };

export const DEFAULT_MAX_EVENTS = 1_000;

export function parseEventBatch(body: unknown, options: { maxEvents?: number } = {}): ParsedBatch {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!Array.isArray(body)) {
    return { ok: false, code: 'not_an_array', message: `Expected a JSON array of events, got ${describe(body)}.` };
  }
  if (body.length > maxEvents) {
    return {
      ok: false,
      code: 'too_many_events',
      received: body.length,
      message: `A batch holds at most ${maxEvents} events (HubSpot sends up to 100); this one has ${body.length}.`,
    };
  }
  const notObject = body.findIndex((item) => describe(item) !== 'an object');
  if (notObject >= 0) {
    return { ok: false, code: 'invalid_batch', message: `Item ${notObject} is ${describe(body[notObject])}, not an event object.` };
  }

  const events: HubSpotEvent[] = [];
  const unknownType: SkippedItem[] = [];
  const invalid: SkippedItem[] = [];
  (body as Array<Record<string, unknown>>).forEach((item, index) => {
    const name = item.subscriptionType;
    const eventId = typeof item.eventId === 'number' || typeof item.eventId === 'string' ? item.eventId : undefined;
    if (typeof name !== 'string') {
      invalid.push({ index, eventId, issues: ['subscriptionType: expected a string'] });
      return;
    }
    const normalised = normaliseSubscriptionType(name);
    if (!normalised) {
      unknownType.push({ index, eventId, subscriptionType: name.slice(0, 100) });
      return;
    }
    const result = EVENT_SCHEMAS[normalised.subscriptionType].safeParse(item);
    if (!result.success) {
      invalid.push({ index, eventId, subscriptionType: name.slice(0, 100), issues: summariseIssues(result.error) });
      return;
    }
    const event = { ...result.data, subscriptionType: normalised.subscriptionType } as HubSpotEvent;
    if (normalised.objectTypeId) event.objectTypeId = normalised.objectTypeId;
    if (normalised.legacyName) event.legacySubscriptionType = normalised.legacyName;
    events.push(event);
  });
  return { ok: true, received: body.length, events, unknownType, invalid };
}

function summariseIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
