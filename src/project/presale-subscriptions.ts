import { objectByRole, type Model } from '../model';
import { presaleTriggers } from '../presale/presale-triggers';
import { objectTypeIdRef } from './object-type-ids';
import type { CrmObjectSubscription, SubscriptionOptions } from './subscription-types';

const changes = (objectType: string, properties: string[]): CrmObjectSubscription[] =>
  properties.map((propertyName) => ({ subscriptionType: 'object.propertyChange', objectType, propertyName, active: true }));

/**
 * The webhook subscriptions the playbooks (issue 14) handle, from schemas/playbooks.json: the
 * deal, scope and contract properties a deliverable names, and the creation of a scope or
 * contract a linked_record deliverable asks for. Stage changes come with the gate's dealstage
 * subscription. Custom objects are named as webhookSubscriptions names them.
 */
export function presaleSubscriptions(model: Pick<Model, 'objects' | 'playbooks'>, options: SubscriptionOptions = {}): CrmObjectSubscription[] {
  const on = presaleTriggers(model.playbooks);
  const nameOf = options.objectTypeOf ?? objectTypeIdRef;
  const custom = (role: 'scope' | 'contract', properties: string[], created: boolean): CrmObjectSubscription[] => {
    if (options.withoutCustomObjects || !properties.length) return [];
    const type = nameOf(objectByRole(model, role).name);
    return [...(created ? [{ subscriptionType: 'object.creation' as const, objectType: type, active: true }] : []), ...changes(type, properties)];
  };
  const linked = (object: 'scope' | 'contract') => model.playbooks.units.some((u) => u.deliverable.kind === 'linked_record' && u.deliverable.object === object);
  return [...changes('deal', on.deal), ...custom('scope', on.scope, linked('scope')), ...custom('contract', on.contract, linked('contract'))];
}
