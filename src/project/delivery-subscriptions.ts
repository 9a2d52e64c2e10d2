import { objectByRole, type Model } from '../model';
import { CHANGE_ORDER_TRIGGERS } from '../delivery/delivery-read-plan';
import { SCOPE_DELIVERY_PROPERTIES as SD } from '../model/delivery-properties';
import { objectTypeIdRef } from './object-type-ids';
import type { CrmObjectSubscription, SubscriptionOptions } from './subscription-types';

/** HubSpot's standard objects as webhook subscriptions name them (singular), by the source's object type id. */
const STANDARD_NAME: Record<string, string> = { '0-5': 'ticket', tickets: 'ticket', '0-53': 'invoice', invoices: 'invoice' };

const changes = (objectType: string, properties: string[]): CrmObjectSubscription[] =>
  properties.map((propertyName) => ({ subscriptionType: 'object.propertyChange', objectType, propertyName, active: true }));

/**
 * The webhook subscriptions the delivery phase (issue 12) handles, from schemas/: change orders
 * (created, or any property assessDelivery reads changed), the scope's delivery properties,
 * ticket stage and priority, invoice status and balance (sources switched off are left out).
 * Custom objects are named as webhookSubscriptions names them (a profile variable by default).
 */
export function deliverySubscriptions(model: Pick<Model, 'objects' | 'deliveryHealth'>, options: SubscriptionOptions = {}): CrmObjectSubscription[] {
  const { tickets, invoices } = model.deliveryHealth.sources;
  const nameOf = options.objectTypeOf ?? objectTypeIdRef;
  const custom: CrmObjectSubscription[] = options.withoutCustomObjects
    ? []
    : [
        { subscriptionType: 'object.creation', objectType: nameOf(objectByRole(model, 'change_order').name), active: true },
        ...changes(nameOf(objectByRole(model, 'change_order').name), CHANGE_ORDER_TRIGGERS),
        ...changes(nameOf(objectByRole(model, 'scope').name), Object.values(SD)),
      ];
  return [
    ...custom,
    ...(tickets.enabled ? changes(STANDARD_NAME[tickets.objectType] ?? tickets.objectType, [tickets.properties.stage, tickets.properties.priority]) : []),
    ...(invoices.enabled
      ? changes(STANDARD_NAME[invoices.objectType] ?? invoices.objectType, [invoices.properties.status, invoices.properties.balanceDue])
      : []),
  ];
}
