import type { CrmGateway } from '../hubspot/crm-gateway';
import type { CrmRecord } from '../hubspot/types';
import type { KeyedCopy } from './keep-oldest';

/** The key a task of `recordId` stands for, or undefined when it is not one of ours. */
export type TaskKeyOf = (task: CrmRecord, recordId: string) => string | undefined;

/** Every copy of each key (open or completed), for keepOldest: key → copies. */
export type FindCopies = (keys: string[]) => Promise<Map<string, KeyedCopy[]>>;

/**
 * Every task of some records that stands for a key, in two batch calls (the records' task
 * associations, then the tasks): key → every copy found, open and completed. `single`: records the
 * caller can tell hold one copy at most from their task ids alone; their tasks are not read (when
 * no record needs it, the second call is saved).
 */
export async function findKeyedTasks(
  gateway: CrmGateway,
  fromType: string,
  recordIds: string[],
  keyOf: TaskKeyOf,
  single: (recordId: string, taskIds: string[]) => boolean = () => false,
): Promise<Map<string, KeyedCopy[]>> {
  const out = new Map<string, KeyedCopy[]>();
  if (!recordIds.length) return out;
  const read = await gateway.associationsOf(fromType, 'tasks', [...new Set(recordIds)]);
  const links = new Map(
    [...read].filter(
      ([id, ls]) =>
        !single(
          id,
          ls.map((l) => l.id),
        ),
    ),
  );
  const taskIds = [...new Set([...links.values()].flat().map((l) => l.id))];
  if (!taskIds.length) return out;
  const tasks = await gateway.readMany('tasks', taskIds, ['hs_task_subject', 'hs_task_body', 'hs_task_status']);
  for (const [recordId, ls] of links) {
    for (const l of ls) {
      const task = tasks.get(l.id);
      const key = task && keyOf(task, recordId);
      if (!task || !key) continue;
      const copies = out.get(key) ?? [];
      if (!copies.some((c) => c.id === task.id)) copies.push({ id: task.id, createdAt: task.createdAt, open: task.properties.hs_task_status !== 'COMPLETED' });
      out.set(key, copies);
    }
  }
  return out;
}
