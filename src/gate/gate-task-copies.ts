import type { CrmGateway } from '../hubspot/crm-gateway';
import type { AssociatedId, CrmRecord } from '../hubspot/types';
import { findKeyedTasks, type FindCopies } from '../tasks/find-keyed-tasks';
import { TASK_MARKER } from './decide';

/** The deals' tasks the batch read before creating (load-batch.ts), and for which deals. */
export interface TasksReadBefore {
  asked: ReadonlySet<string>;
  links: ReadonlyMap<string, AssociatedId[]>;
  records: ReadonlyMap<string, CrmRecord>;
}

const isGateTask = (task: CrmRecord) => !!task.properties.hs_task_subject?.startsWith(TASK_MARKER);

/**
 * A deal whose tasks are now the ones read before (none of them a gate task) and one more holds one
 * gate task: the one this run just made (its create was answered, so the links show it). Another
 * new task may be a second copy, and an earlier gate task may have been reopened: those are read.
 */
const oneNewTask =
  (before: TasksReadBefore | undefined) =>
  (dealId: string, taskIds: string[]): boolean => {
    if (!before?.asked.has(dealId)) return false;
    const earlier = (before.links.get(dealId) ?? []).map((l) => l.id);
    if (earlier.some((id) => !before.records.has(id) || isGateTask(before.records.get(id)!))) return false;
    return taskIds.filter((id) => !earlier.includes(id)).length <= 1;
  };

/**
 * Every gate task of the keys' deals (the subject starts with the gate's marker): what syncOpenTasks
 * settles when two processes gated one deal at the same time and each created its task. With the
 * batch's earlier reads (`before`), a deal with nothing new but its own task costs no task read.
 */
export function gateTaskCopies(gateway: CrmGateway, dealOf: Map<string, string>, before?: TasksReadBefore): FindCopies {
  return async (keys) => {
    const keyOfDeal = new Map(keys.map((k) => [dealOf.get(k)!, k]));
    return findKeyedTasks(
      gateway,
      'deals',
      [...keyOfDeal.keys()],
      (task, dealId) => (isGateTask(task) ? keyOfDeal.get(dealId) : undefined),
      oneNewTask(before),
    );
  };
}
