import { CHANGE_ORDER_PROPERTIES as CO, DELIVERY_HEALTH_PROPERTIES as H, DELIVERY_TASK_PROPERTIES as T } from '../model/delivery-properties';
import { assessDelivery } from './assess-delivery';
import type { DeliveryAssessment, DeliveryPolicy } from './assessment';
import { daysSince } from './days';
import { changeOrderTaskKey, changeOrderTaskText, healthTaskKey, healthTaskText, type TaskRole, type TaskText } from './delivery-task-content';
import { changedProperties, deliveryHealthProperties, type DealPropertyValues } from './health-properties';
import { isWorse } from './health-order';
import type { LoadedDelivery } from './load-deliveries';

export interface PlannedTask extends TaskText {
  key: string;
  dealId: string;
  /** The deal property (health tasks) or the change order (its task) that remembers the id. */
  remembered: { on: 'deal'; property: string } | { on: 'changeOrder'; changeOrderId: string };
  knownId: string | undefined;
  ownerId: string | undefined;
}

export interface DeliveryPlan {
  dealId: string;
  dealName: string;
  previousHealth: string | null;
  assessment: DeliveryAssessment;
  /** Only the "Delivery health" properties that change (none on a re-run over the same data). */
  dealProperties: DealPropertyValues;
  openTasks: PlannedTask[];
  completeTasks: Array<{ taskId: string; changeOrderId?: string }>;
  /** The deal just went off track: an automatic customer status event. */
  wentOffTrack: boolean;
}

const BAD = new Set(['at_risk', 'off_track']);
const ROLE_PROPERTY: Record<TaskRole, string> = { ae: T.aeTaskId, lead: T.leadTaskId };
const known = (v: string | null | undefined) => (v && v.trim() ? v : undefined);

/**
 * What one deal's assessment asks for, pure. Health tasks: when the health gets worse into at
 * risk or off track (or is bad with no task remembered), one task each for the AE and the
 * delivery lead (one, if they are the same person); when it recovers from bad, the remembered
 * tasks complete. Ids stay on the deal, so the next worsening updates (reopens) the same tasks.
 * A change order undecided past the threshold gets one task for the delivery lead, completed and
 * forgotten once it is decided.
 */
export function planDelivery(item: LoadedDelivery, now: Date, policy: DeliveryPolicy, defaultOwnerId: string | undefined): DeliveryPlan {
  const deal = item.deal;
  const dealName = deal.properties.dealname || `Deal ${deal.id}`;
  const previousHealth = known(deal.properties[H.health]) ?? null;
  const assessment = assessDelivery(item.inputs, now, policy);
  const dealProperties = changedProperties(deal.properties, deliveryHealthProperties(assessment, now));
  const worse = isWorse(previousHealth, assessment.health);
  const bad = BAD.has(assessment.health);
  const owners: Record<TaskRole, string | undefined> = {
    ae: known(deal.properties.hubspot_owner_id) ?? defaultOwnerId,
    lead: known(item.scope?.properties.hubspot_owner_id) ?? defaultOwnerId,
  };
  const roles: TaskRole[] = owners.lead !== undefined && owners.lead === owners.ae ? ['ae'] : ['ae', 'lead'];

  const openTasks: PlannedTask[] = [];
  const completeTasks: DeliveryPlan['completeTasks'] = [];
  for (const role of roles) {
    const knownId = known(deal.properties[ROLE_PROPERTY[role]]);
    if (bad && (worse || !knownId)) {
      openTasks.push({
        key: healthTaskKey(deal.id, role),
        dealId: deal.id,
        remembered: { on: 'deal', property: ROLE_PROPERTY[role] },
        knownId,
        ownerId: owners[role],
        ...healthTaskText(dealName, role, assessment, previousHealth),
      });
    }
  }
  if (!bad && previousHealth !== null && BAD.has(previousHealth)) {
    for (const role of ['ae', 'lead'] as const) {
      const knownId = known(deal.properties[ROLE_PROPERTY[role]]);
      if (knownId) completeTasks.push({ taskId: knownId });
    }
  }

  const threshold = policy.thresholds.pendingChangeOrderDays;
  for (const co of item.changeOrders) {
    const input = item.inputs.changeOrders.find((c) => c.id === co.id)!;
    const undecided = input.decision === null || input.decision === 'requested';
    const ageDays = daysSince(input.createdAt, now);
    const knownId = known(co.properties[CO.taskId]);
    if (undecided && ageDays > threshold && !knownId) {
      openTasks.push({
        key: changeOrderTaskKey(co.id),
        dealId: deal.id,
        remembered: { on: 'changeOrder', changeOrderId: co.id },
        knownId: undefined,
        ownerId: owners.lead,
        ...changeOrderTaskText(dealName, input.title, ageDays, threshold),
      });
    }
    if (!undecided && knownId) completeTasks.push({ taskId: knownId, changeOrderId: co.id });
  }
  return {
    dealId: deal.id,
    dealName,
    previousHealth,
    assessment,
    dealProperties,
    openTasks,
    completeTasks,
    wentOffTrack: worse && assessment.health === 'off_track',
  };
}
