import { atLocalTime } from '../dates/calendar';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { ASSOCIATION_TYPES } from '../hubspot/object-types';
import { createdTaskCopies, settleCreatedTasks } from '../tasks/created-task-copies';
import { findMarkedCreated } from '../tasks/find-marked-tasks';
import { UNIT_KEY_LABEL } from './load-presale';
import type { PresalePlan } from './plan-presale';
import { todoProperties } from '../tasks/todo-properties';

export interface WritePresaleDeps {
  gateway: CrmGateway;
  timeZone: string;
  defaultOwnerId?: string | undefined;
  /** Deal id → every task linked to it when the batch was loaded (LoadedPresale.linkedTaskIds). */
  tasksBefore?: ReadonlyMap<string, readonly string[]>;
}

export interface PresaleWriteResult {
  unitsCreated: number;
  tasksCompleted: number;
}

/** Unit tasks fall due at 09:00 on their day, in the portal's time zone. */
const DUE_HOUR = 9;

/**
 * Writes a batch of plans: one batch create of the unit tasks (keyed by unit key, sent as
 * objectWriteTraceId; after a failed attempt the tasks are looked for by their key line before
 * anything is sent again) and one batch update completing those whose deliverable exists. Nothing
 * is written on the deal: the tasks themselves, found by key, are the record of what was made.
 *
 * Convergence: the webhook worker and the daily pass (or two replicas) may plan the same deal at
 * the same moment and both create its units. The keys created are looked for again right after
 * (one association read; the tasks only for a deal showing a new task this run did not make), the
 * oldest copy of each is kept and the others completed in one update (counted in tasksCompleted).
 */
export async function writePresale(plans: PresalePlan[], deps: WritePresaleDeps): Promise<PresaleWriteResult> {
  const { gateway } = deps;
  const drafts = plans.flatMap((p) => p.create.map((d) => ({ dealId: p.dealId, draft: d })));
  const complete = [...new Set(plans.flatMap((p) => p.complete))];
  const result: PresaleWriteResult = { unitsCreated: 0, tasksCompleted: 0 };
  if (drafts.length) {
    const dealOf = new Map(drafts.map((d) => [d.draft.key, d.dealId]));
    const findCreated = findMarkedCreated(gateway, 'deals', (k) => dealOf.get(k)!, UNIT_KEY_LABEL);
    const inputs = drafts.map(({ dealId, draft }) => {
      return {
        key: draft.key,
        properties: todoProperties({
          subject: draft.subject,
          body: draft.body,
          dueAt: atLocalTime(draft.dueDate, DUE_HOUR, deps.timeZone).toISOString(),
          priority: 'MEDIUM',
          ownerId: draft.ownerId ?? deps.defaultOwnerId,
        }),
        associations: [{ toId: dealId, typeId: ASSOCIATION_TYPES.taskToDeal }],
      };
    });
    const created = await gateway.createMany('tasks', inputs, findCreated);
    result.unitsCreated = created.size;
    // Both racers planned the same unit from the same deal: the kept copy is left as it is.
    const copies = createdTaskCopies(gateway, 'deals', (k) => dealOf.get(k)!, UNIT_KEY_LABEL, deps.tasksBefore);
    result.tasksCompleted += (await settleCreatedTasks(gateway, created, copies)).closed;
  }
  if (complete.length) {
    const { missingIds } = await gateway.updateMany(
      'tasks',
      complete.map((id) => ({ id, properties: { hs_task_status: 'COMPLETED' } })),
    );
    result.tasksCompleted += complete.length - missingIds.length;
  }
  return result;
}
