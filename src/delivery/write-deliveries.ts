import type { CrmGateway } from '../hubspot/crm-gateway';
import { ASSOCIATION_TYPES } from '../hubspot/object-types';
import type { AssociationInput, AssociationTypeRef, UpdateInput } from '../hubspot/types';
import { CHANGE_ORDER_PROPERTIES as CO } from '../model/delivery-properties';
import { findMarkedCreated } from '../tasks/find-marked-tasks';
import { findKeyedTasks } from '../tasks/find-keyed-tasks';
import { syncOpenTasks, type OpenTask } from '../tasks/sync-open-tasks';
import { keyMarkerOf, withKeyMarker } from '../tasks/task-key-marker';
import { DELIVERY_KEY_LABEL } from './delivery-task-content';
import type { DeliveryPlan, PlannedTask } from './plan-delivery';
import { todoProperties } from '../tasks/todo-properties';

const DAY_MS = 86_400_000;

export interface WriteDeliveryDeps {
  gateway: CrmGateway;
  types: { changeOrder: string; taskToChangeOrder?: AssociationTypeRef | undefined };
  /** Deals that just went off track → customer status events; answers how many statuses moved. */
  onWentOffTrack?: (plans: DeliveryPlan[]) => Promise<number>;
}

export interface DeliveryWriteResult {
  dealsUpdated: string[];
  tasksCreated: number;
  tasksUpdated: number;
  tasksCompleted: number;
  statusChanges: number;
}

function taskInput(t: PlannedTask, now: Date, deps: WriteDeliveryDeps): OpenTask {
  const associations: AssociationInput[] = [{ toId: t.dealId, typeId: ASSOCIATION_TYPES.taskToDeal }];
  if (t.remembered.on === 'changeOrder' && deps.types.taskToChangeOrder)
    associations.push({ toId: t.remembered.changeOrderId, ...deps.types.taskToChangeOrder });
  return {
    key: t.key,
    knownId: t.knownId,
    properties: todoProperties({
      subject: t.subject,
      body: withKeyMarker(t.body, t.key, DELIVERY_KEY_LABEL),
      dueAt: new Date(now.getTime() + DAY_MS).toISOString(),
      priority: t.priority,
      ownerId: t.ownerId,
    }),
    associations,
  };
}

/**
 * Writes a batch of plans in as few calls as HubSpot allows: the tasks (one lookup only for tasks
 * without a remembered id, one batch update, one batch create), the change orders' task ids, the
 * customer status events, then one batch update of the deals. The deal update goes last: it is
 * the commit (the health the next run compares with, the task ids). A run that dies before it
 * finds its tasks again by their key line and writes nothing twice.
 */
export async function writeDeliveries(plans: DeliveryPlan[], deps: WriteDeliveryDeps, now: Date): Promise<DeliveryWriteResult> {
  const { gateway } = deps;
  const result: DeliveryWriteResult = { dealsUpdated: [], tasksCreated: 0, tasksUpdated: 0, tasksCompleted: 0, statusChanges: 0 };
  const planned = plans.flatMap((p) => p.openTasks);
  const completes = plans.flatMap((p) => p.completeTasks);
  const dealOf = new Map(planned.map((t) => [t.key, t.dealId]));
  const findOpen = findMarkedCreated(gateway, 'deals', (k) => dealOf.get(k)!, DELIVERY_KEY_LABEL);
  const tasks =
    planned.length || completes.length
      ? await syncOpenTasks(
          gateway,
          planned.map((t) => taskInput(t, now, deps)),
          completes.map((c) => c.taskId),
          findOpen,
          (keys) =>
            findKeyedTasks(
              gateway,
              'deals',
              keys.map((k) => dealOf.get(k)!),
              (task) => keyMarkerOf(task.properties.hs_task_body, DELIVERY_KEY_LABEL),
            ),
        )
      : { idOf: new Map<string, string>(), created: 0, updated: 0, completed: 0, duplicatesClosed: 0 };
  Object.assign(result, { tasksCreated: tasks.created, tasksUpdated: tasks.updated, tasksCompleted: tasks.completed });

  const changeOrderUpdates: UpdateInput[] = [
    ...planned.flatMap((t) =>
      t.remembered.on === 'changeOrder' && tasks.idOf.get(t.key) !== t.knownId
        ? [{ id: t.remembered.changeOrderId, properties: { [CO.taskId]: tasks.idOf.get(t.key)! } }]
        : [],
    ),
    ...completes.flatMap((c) => (c.changeOrderId ? [{ id: c.changeOrderId, properties: { [CO.taskId]: '' } }] : [])),
  ];
  if (changeOrderUpdates.length) await gateway.updateMany(deps.types.changeOrder, changeOrderUpdates);

  const offTrack = plans.filter((p) => p.wentOffTrack);
  if (offTrack.length && deps.onWentOffTrack) result.statusChanges = await deps.onWentOffTrack(offTrack);

  const dealUpdates: UpdateInput[] = plans.flatMap((p) => {
    const properties: Record<string, string> = { ...p.dealProperties };
    for (const t of p.openTasks) {
      const id = tasks.idOf.get(t.key);
      if (t.remembered.on === 'deal' && id && id !== t.knownId) properties[t.remembered.property] = id;
    }
    return Object.keys(properties).length ? [{ id: p.dealId, properties }] : [];
  });
  if (dealUpdates.length) {
    const { missingIds } = await gateway.updateMany('deals', dealUpdates);
    result.dealsUpdated = dealUpdates.map((u) => u.id).filter((id) => !missingIds.includes(id));
  }
  return result;
}
