import type { DeliveryHealthPolicy } from '../model';
import {
  CHANGE_ORDER_PROPERTIES as CO,
  DELIVERY_HEALTH_PROPERTIES as H,
  DELIVERY_TASK_PROPERTIES as T,
  SCOPE_DELIVERY_PROPERTIES as SD,
} from '../model/delivery-properties';
import { GATE_PROPERTIES as G, SCOPE_PROPERTIES as S } from '../model/well-known-properties';

/** Gate statuses of a deal in delivery: it passed the close gate, or was let through. */
export const IN_DELIVERY = ['passed', 'overridden'];

/** Change order properties assessDelivery reads: a change to one is worth an assessment. */
export const CHANGE_ORDER_TRIGGERS = [CO.title, CO.cause, CO.hours, CO.amount, CO.decision, CO.decisionReason];

/** What the delivery phase reads of each record, by object. */
export function deliveryReadPlan(policy: DeliveryHealthPolicy) {
  const { tickets, invoices, projects } = policy.sources;
  return {
    deal: ['dealname', 'amount', 'deal_currency_code', 'hubspot_owner_id', G.status, ...Object.values(H), ...Object.values(T)],
    scope: [S.name, S.status, S.approved, 'hubspot_owner_id', ...Object.values(SD)],
    changeOrder: [...Object.values(CO), 'hs_createdate'],
    ticket: ['subject', 'createdate', ...Object.values(tickets.properties)],
    invoice: ['hs_number', ...Object.values(invoices.properties)],
    project: [...Object.values(projects.properties)],
  };
}

export type DeliveryReadPlan = ReturnType<typeof deliveryReadPlan>;
