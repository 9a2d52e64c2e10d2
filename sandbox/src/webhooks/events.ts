import type { PropertyDef, RecordChange } from '../store/types';
import { webhookValue } from '../store/values';
import type { ResolvedSubscription } from './subscriptions';

/** One webhook event as HubSpot sends it (fields per HUBSPOT.md §4). */
export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  objectTypeId?: string;
  propertyName?: string;
  propertyValue?: string;
  changeSource: string;
  sourceId: string;
  changeFlag?: 'CREATED' | 'DELETED';
  isSensitive?: boolean;
}

export interface EventIdentity {
  eventId: number;
  portalId: number;
  appId: string;
}

export function buildEvent(change: RecordChange, sub: ResolvedSubscription, def: PropertyDef | undefined, ids: EventIdentity): WebhookEvent {
  const event: WebhookEvent = {
    eventId: ids.eventId,
    subscriptionId: sub.id,
    portalId: ids.portalId,
    appId: Number(ids.appId),
    occurredAt: change.occurredAt,
    subscriptionType: sub.subscriptionType,
    attemptNumber: 0,
    objectId: Number(change.objectId),
    ...(sub.legacy ? {} : { objectTypeId: change.objectTypeId }),
    changeSource: change.actor.changeSource,
    sourceId: change.actor.sourceId,
  };
  if (change.kind === 'propertyChange' && change.propertyName !== undefined) {
    event.propertyName = change.propertyName;
    event.propertyValue = webhookValue(def, change.propertyValue ?? '');
    event.isSensitive = false;
  }
  if (change.kind === 'creation') event.changeFlag = 'CREATED';
  if (change.kind === 'deletion') event.changeFlag = 'DELETED';
  return event;
}
