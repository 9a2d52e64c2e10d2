import { atLocalTime } from '../dates/calendar';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { ASSOCIATION_TYPES } from '../hubspot/object-types';
import type { UpdateInput } from '../hubspot/types';
import { HANDOFF_REVIEW_PROPERTIES as P } from '../model/commitment-properties';
import { createdTaskCopies } from '../tasks/created-task-copies';
import { readMarkedTasks } from '../tasks/find-marked-tasks';
import { syncOpenTasks, type OpenTask } from '../tasks/sync-open-tasks';
import { withKeyMarker } from '../tasks/task-key-marker';
import type { HandoffReviewPlan } from './plan-handoff-review';
import type { ReviewValues } from './review-answers';
import { reviewDealUpdate } from './review-deal-update';
import { reviewTaskContent } from './review-task-content';
import { todoProperties } from '../tasks/todo-properties';

/** The label of the key line in the review task's body (task-key-marker.ts). */
export const REVIEW_KEY_LABEL = 'review-key';

export interface PlannedReview {
  dealId: string;
  dealName: string | null;
  values: ReviewValues;
  kickoffDate: string | null;
  plan: HandoffReviewPlan;
}

export interface ReviewWriteResult {
  tasksCreated: number;
  tasksCompleted: number;
  dealsUpdated: string[];
}

export interface WriteReviewDeps {
  gateway: CrmGateway;
  questions: readonly string[];
  timeZone: string;
  defaultOwnerId?: string | undefined;
}

function taskInput(r: PlannedReview, deps: WriteReviewDeps): OpenTask | undefined {
  const t = r.plan.task;
  if (t?.action !== 'create' || r.kickoffDate === null) return undefined;
  const { subject, body } = reviewTaskContent({ name: r.dealName, id: r.dealId }, deps.questions, r.kickoffDate, t.key);
  return {
    key: t.key,
    knownId: undefined,
    properties: todoProperties({
      subject,
      body: withKeyMarker(body, t.key, REVIEW_KEY_LABEL),
      dueAt: atLocalTime(t.dueDate, 9, deps.timeZone).toISOString(),
      priority: 'MEDIUM',
      ownerId: t.ownerId ?? deps.defaultOwnerId,
    }),
    associations: [{ toId: r.dealId, typeId: ASSOCIATION_TYPES.taskToDeal }],
  };
}

/**
 * The pass's writes for a page of deals: review tasks created once (a crashed run's task is
 * found by its key line before anything is created), answered reviews' tasks completed, then one
 * batch update of the deals — the commit that records the task id, the due date and the state.
 * A second copy made by a racing pass is completed right after the create (syncOpenTasks'
 * convergence): one association read more, the tasks read only for a deal that raced.
 */
export async function writeReviews(reviews: PlannedReview[], deps: WriteReviewDeps): Promise<ReviewWriteResult> {
  const creates = reviews.flatMap((r) => taskInput(r, deps) ?? []);
  // Recorded as answered: its task was completed before that deal update (the commit), so not again.
  const completes = reviews.flatMap((r) => (r.plan.task?.action === 'complete' && r.values[P.state] !== 'answered' ? [r.plan.task.taskId] : []));
  const dealOf = new Map(reviews.flatMap((r) => (r.plan.task?.action === 'create' ? [[r.plan.task.key, r.dealId] as const] : [])));
  const linked = new Map<string, string[]>();
  const lookFor = async (keys: string[], before?: Map<string, string[]>) => {
    const read = await readMarkedTasks(deps.gateway, 'deals', [...new Set(keys.map((k) => dealOf.get(k)!))], REVIEW_KEY_LABEL);
    if (before) for (const [id, ls] of read.linked) before.set(id, ls);
    return new Map(
      keys.flatMap((k) => {
        const task = read.byRecord.get(dealOf.get(k)!)?.get(k);
        return task ? [[k, task.id] as const] : [];
      }),
    );
  };
  // Two passes (two replicas, a pass and a re-run) may create a deal's task at the same moment:
  // the keys created are looked for again and the oldest copy kept; its id is what the deal records.
  const tasks =
    creates.length || completes.length
      ? await syncOpenTasks(
          deps.gateway,
          creates,
          completes,
          (keys) => lookFor(keys),
          createdTaskCopies(deps.gateway, 'deals', (k) => dealOf.get(k)!, REVIEW_KEY_LABEL, linked),
          (keys) => lookFor(keys, linked),
        )
      : { idOf: new Map<string, string>(), created: 0, completed: 0, duplicatesClosed: 0 };
  const updates: UpdateInput[] = reviews.flatMap((r) => {
    const made = r.plan.task?.action === 'create' ? tasks.idOf.get(r.plan.task.key) : undefined;
    const properties = reviewDealUpdate(r.plan, r.values, made);
    return Object.keys(properties).length ? [{ id: r.dealId, properties }] : [];
  });
  const { missingIds } = updates.length ? await deps.gateway.updateMany('deals', updates) : { missingIds: [] as string[] };
  return { tasksCreated: tasks.created, tasksCompleted: tasks.completed, dealsUpdated: updates.map((u) => u.id).filter((id) => !missingIds.includes(id)) };
}
