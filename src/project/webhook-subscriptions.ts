import { objectByRole, type Model } from '../model';
import { CONTRACT_PROPERTIES as C } from '../model/well-known-properties';
import { deliverySubscriptions } from './delivery-subscriptions';
import { objectTypeIdRef } from './object-type-ids';
import { presaleSubscriptions } from './presale-subscriptions';
import type { CrmObjectSubscription, SubscriptionOptions } from './subscription-types';

export type { CrmObjectSubscription, SubscriptionOptions } from './subscription-types';

/** Contract properties whose change re-plans renewal reminders (the service routes these). */
export const CONTRACT_TRIGGER_PROPERTIES = [C.renewalDate, C.status, C.autoRenew, C.noticeDays] as const;

/** The custom objects the service subscribes to (their schema names). */
export function subscribedCustomObjects(model: Model): string[] {
  return [objectByRole(model, 'contract').name, objectByRole(model, 'change_order').name, objectByRole(model, 'scope').name];
}

/**
 * The webhook subscriptions the service handles, derived from schemas/ so the project's
 * webhooks-hsmeta.json cannot drift from what the service routes (a test compares them).
 * HubSpot identifies a custom object by its `2-…` object type id, not its schema name.
 * (Unsure: HubSpot's 2026.03 docs show only standard objects in webhooks-hsmeta.json; the v3
 * subscriptions API takes `objectTypeId` `2-…` for custom objects, which is what is sent here.)
 */
export function webhookSubscriptions(model: Model, options: SubscriptionOptions = {}): CrmObjectSubscription[] {
  const contract = (options.objectTypeOf ?? objectTypeIdRef)(objectByRole(model, 'contract').name);
  return [
    { subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName: 'dealstage', active: true },
    { subscriptionType: 'object.creation', objectType: 'deal', active: true },
    ...(options.withoutCustomObjects ? [] : CONTRACT_TRIGGER_PROPERTIES).map((propertyName) => ({
      subscriptionType: 'object.propertyChange' as const,
      objectType: contract,
      propertyName,
      active: true,
    })),
    ...deliverySubscriptions(model, options),
    ...presaleSubscriptions(model, options),
  ];
}
