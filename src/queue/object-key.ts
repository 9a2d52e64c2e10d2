import type { HubSpotEvent } from '../webhooks/events';

export const DEAL_TYPE_ID = '0-3';

/**
 * The queue key of a webhook event: the object it concerns, as `<objectTypeId>:<objectId>`
 * (`0-3:123` for a deal). Jobs of one key never run at once, and a key's events are decided once.
 * - an association change concerns both ends; the key is the deal end when there is one (the gate
 *   decides on deals), else the `from` end;
 * - a merge is keyed by the surviving record (newObjectId, else primaryObjectId, else objectId);
 * - an event without an object type or id concerns no object: undefined (not queued).
 */
export function objectKeyOf(event: HubSpotEvent): string | undefined {
  if (event.subscriptionType === 'object.associationChange') {
    const to = event.toObjectTypeId === DEAL_TYPE_ID && event.fromObjectTypeId !== DEAL_TYPE_ID;
    const type = to ? event.toObjectTypeId : (event.fromObjectTypeId ?? event.objectTypeId);
    const id = to ? event.toObjectId : event.fromObjectId;
    return type ? `${type}:${id}` : undefined;
  }
  const id = event.subscriptionType === 'object.merge' ? (event.newObjectId ?? event.primaryObjectId ?? event.objectId) : event.objectId;
  return event.objectTypeId && id !== undefined ? `${event.objectTypeId}:${id}` : undefined;
}
