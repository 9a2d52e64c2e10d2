import { objectByRole, type Model } from '../model';
import { CONTRACT_PROPERTIES as C } from '../model/well-known-properties';

export interface CrmObjectSubscription {
  subscriptionType: 'object.propertyChange' | 'object.creation';
  objectType: string;
  propertyName?: string;
  active: boolean;
}

/** Contract properties whose change re-plans renewal reminders (the service routes these). */
export const CONTRACT_TRIGGER_PROPERTIES = [C.renewalDate, C.status, C.autoRenew, C.noticeDays] as const;

/**
 * The webhook subscriptions the service handles, derived from schemas/ so the project's
 * webhooks-hsmeta.json cannot drift from what the service routes (a test compares them).
 * Custom objects are named by their schema name; HubSpot's exact spelling for custom objects in
 * project webhooks is unconfirmed, so it is generated here and nowhere else.
 */
export function webhookSubscriptions(model: Model): CrmObjectSubscription[] {
  const contract = objectByRole(model, 'contract').name;
  return [
    { subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName: 'dealstage', active: true },
    { subscriptionType: 'object.creation', objectType: 'deal', active: true },
    ...CONTRACT_TRIGGER_PROPERTIES.map((propertyName) => ({
      subscriptionType: 'object.propertyChange' as const,
      objectType: contract,
      propertyName,
      active: true,
    })),
  ];
}
