import type { CrmGateway } from '../hubspot/crm-gateway';
import type { Properties } from '../hubspot/types';
import { findKeyedTasks, type FindCopies } from './find-keyed-tasks';
import { settleCopies } from './sync-open-tasks';
import { keyMarkerOf } from './task-key-marker';

/**
 * The copies of keys this run just created, each task carrying its key line under `label`: what
 * settleCopies keeps the oldest of when another process, which found nothing either, created the
 * same key at the same moment. `before`: every task id linked to each record when the run looked
 * before creating. A record whose links now show those plus no more new tasks than keys it created
 * holds only this run's own tasks (their creates were answered, so they are among the links): its
 * tasks are not read. So one association read when nobody raced; the task read only when one did.
 */
export function createdTaskCopies(
  gateway: CrmGateway,
  fromType: string,
  recordOf: (key: string) => string,
  label: string,
  before?: ReadonlyMap<string, readonly string[]>,
): FindCopies {
  return (keys) => {
    const created = new Map<string, number>();
    for (const k of keys) created.set(recordOf(k), (created.get(recordOf(k)) ?? 0) + 1);
    return findKeyedTasks(
      gateway,
      fromType,
      [...created.keys()],
      (task) => keyMarkerOf(task.properties.hs_task_body, label),
      (recordId, taskIds) => {
        const earlier = before?.get(recordId);
        return !!earlier && taskIds.filter((id) => !earlier.includes(id)).length <= (created.get(recordId) ?? 0);
      },
    );
  };
}

/**
 * Right after a batch create (`created`: key → id): one copy per key, the oldest (settleCopies).
 * Answers key → the id kept and how many copies were completed.
 */
export async function settleCreatedTasks(
  gateway: CrmGateway,
  created: ReadonlyMap<string, string>,
  copies: FindCopies,
  propertiesOf: (key: string) => Properties | undefined = () => undefined,
): Promise<{ idOf: Map<string, string>; closed: number }> {
  const idOf = new Map(created);
  const closed = created.size ? await settleCopies(gateway, [...created.keys()], idOf, copies, propertiesOf) : 0;
  return { idOf, closed };
}
