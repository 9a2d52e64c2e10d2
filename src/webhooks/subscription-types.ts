import { OBJECT_TYPE_IDS as T } from '../hubspot/standard-object-types';

/**
 * The subscription types the service understands, and the legacy names HubSpot still sends for
 * them (`deal.propertyChange` …), normalised to the generic `object.*` form plus an objectTypeId.
 * Anything else (`contact.privacyDeletion`, `conversation.creation`, a type HubSpot adds later) is
 * unknown: the receiver skips and counts it, it is never an error.
 */

export const SUBSCRIPTION_TYPES = [
  'object.propertyChange',
  'object.creation',
  'object.deletion',
  'object.associationChange',
  'object.merge',
  'object.restore',
] as const;

export type SubscriptionType = (typeof SUBSCRIPTION_TYPES)[number];

/** Object names used by legacy subscription types → HubSpot object type ids. */
export const LEGACY_OBJECT_TYPE_IDS: ReadonlyMap<string, string> = new Map([
  ['contact', T.contacts],
  ['company', T.companies],
  ['deal', T.deals],
  ['ticket', T.tickets],
  ['product', T.products],
  ['line_item', T.lineItems],
]);

const ACTIONS: ReadonlyMap<string, SubscriptionType> = new Map(SUBSCRIPTION_TYPES.map((type) => [type.slice('object.'.length), type]));

export interface NormalisedSubscriptionType {
  subscriptionType: SubscriptionType;
  /** Set for legacy names (`deal.` → `0-3`); generic events carry their own objectTypeId. */
  objectTypeId?: string;
  /** The name HubSpot sent, when it was a legacy one. */
  legacyName?: string;
}

/** `object.creation` → itself; `deal.creation` → object.creation + 0-3; anything else → undefined. */
export function normaliseSubscriptionType(name: string): NormalisedSubscriptionType | undefined {
  const dot = name.indexOf('.');
  if (dot <= 0) return undefined;
  const objectName = name.slice(0, dot);
  const subscriptionType = ACTIONS.get(name.slice(dot + 1));
  if (!subscriptionType) return undefined;
  if (objectName === 'object') return { subscriptionType };
  const objectTypeId = LEGACY_OBJECT_TYPE_IDS.get(objectName);
  return objectTypeId ? { subscriptionType, objectTypeId, legacyName: name } : undefined;
}
