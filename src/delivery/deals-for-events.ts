import type { CrmGateway } from '../hubspot/crm-gateway';
import type { DeliveryHealthPolicy } from '../model';
import { SCOPE_DELIVERY_PROPERTIES as SD } from '../model/delivery-properties';
import type { HubSpotEvent } from '../webhooks/events';
import { CHANGE_ORDER_TRIGGERS as CO_TRIGGERS } from './delivery-read-plan';
import type { SourceAvailability } from './source-availability';

export interface EventDealDeps {
  gateway: CrmGateway;
  types: { scope: string; changeOrder: string };
  policy: DeliveryHealthPolicy;
  availability: SourceAvailability;
  /** HUBSPOT_APP_ID: events caused by this app's own writes are left out. */
  appId?: string | undefined;
}

const CHANGE_ORDER_TRIGGERS = new Set<string>(CO_TRIGGERS);
const SCOPE_TRIGGERS = new Set<string>(Object.values(SD));

/** The records whose events concern delivery, by object type: object type → record ids. */
export function deliveryEventRecords(events: HubSpotEvent[], deps: Omit<EventDealDeps, 'gateway'>): Map<string, string[]> {
  const { tickets, invoices } = deps.policy.sources;
  const triggers = new Map<string, { creation: boolean; properties: Set<string> }>([
    [deps.types.changeOrder, { creation: true, properties: CHANGE_ORDER_TRIGGERS }],
    [deps.types.scope, { creation: false, properties: SCOPE_TRIGGERS }],
  ]);
  if (tickets.enabled && !deps.availability.unavailable('tickets')) {
    triggers.set(tickets.objectType, { creation: false, properties: new Set([tickets.properties.stage, tickets.properties.priority]) });
  }
  if (invoices.enabled && !deps.availability.unavailable('invoices')) {
    triggers.set(invoices.objectType, { creation: false, properties: new Set([invoices.properties.status, invoices.properties.balanceDue]) });
  }
  const out = new Map<string, Set<string>>();
  for (const e of events) {
    if (!('objectId' in e) || !e.objectTypeId) continue;
    if (deps.appId && e.changeSource === 'INTEGRATION' && e.sourceId === deps.appId) continue;
    const t = triggers.get(e.objectTypeId);
    const hit =
      t && ((e.subscriptionType === 'object.creation' && t.creation) || (e.subscriptionType === 'object.propertyChange' && t.properties.has(e.propertyName)));
    if (hit) out.set(e.objectTypeId, (out.get(e.objectTypeId) ?? new Set()).add(String(e.objectId)));
  }
  return new Map([...out].map(([type, ids]) => [type, [...ids]]));
}

/**
 * The deals a webhook batch concerns: change orders, scope delivery properties, tickets and
 * invoices → their deals, one batched association read per object type, run together.
 */
export async function dealsForEvents(events: HubSpotEvent[], deps: EventDealDeps): Promise<string[]> {
  const byType = deliveryEventRecords(events, deps);
  const dealsOf = (objectType: string, ids: string[]) => deps.gateway.associationsOf(objectType, 'deals', ids);
  const { tickets, invoices } = deps.policy.sources;
  const reads = [...byType].map(([type, ids]) => {
    if (type === tickets.objectType) return deps.availability.guard('tickets', () => dealsOf(tickets.objectType, ids));
    if (type === invoices.objectType) return deps.availability.guard('invoices', () => dealsOf(invoices.objectType, ids));
    if (type === deps.types.scope) return dealsOf(deps.types.scope, ids);
    return dealsOf(deps.types.changeOrder, ids);
  });
  const links = await Promise.all(reads);
  return [...new Set(links.flatMap((m) => (m ? [...m.values()].flat().map((l) => l.id) : [])))];
}
