import type { CrmGateway } from '../hubspot/crm-gateway';
import type { FindCreated } from '../hubspot/create-once';
import type { CrmRecord } from '../hubspot/types';
import { keepOldest, type KeyedCopy } from './keep-oldest';
import { keyMarkerOf } from './task-key-marker';

export interface MarkedTask {
  id: string;
  status: string | null;
  /** What it says now, for callers that leave an unchanged task alone. */
  body?: string | null;
}

export interface MarkedTasksRead {
  /** record id → key → task: the open one over a completed one, the oldest of two open ones (keep-oldest.ts). */
  byRecord: Map<string, Map<string, MarkedTask>>;
  /** record id → every task id linked to it when read: what the look-up after a create compares with. */
  linked: Map<string, string[]>;
  /** record id → open copies of a key beside the one kept: a race left them, the caller completes them. */
  secondCopies: Map<string, string[]>;
}

const marked = (task: CrmRecord): MarkedTask => ({ id: task.id, status: task.properties.hs_task_status ?? null, body: task.properties.hs_task_body ?? null });

/**
 * The tasks of some records that carry a key marker (task-key-marker.ts), in two batch calls,
 * with every task id linked and the second open copies of a key found on the way.
 */
export async function readMarkedTasks(gateway: CrmGateway, fromType: string, recordIds: string[], label: string): Promise<MarkedTasksRead> {
  const out: MarkedTasksRead = { byRecord: new Map(), linked: new Map(), secondCopies: new Map() };
  if (!recordIds.length) return out;
  const links = await gateway.associationsOf(fromType, 'tasks', recordIds);
  const taskIds = [...new Set([...links.values()].flat().map((l) => l.id))];
  const tasks = taskIds.length ? await gateway.readMany('tasks', taskIds, ['hs_task_body', 'hs_task_status']) : new Map<string, CrmRecord>();
  for (const [recordId, ls] of links) {
    out.linked.set(recordId, [...new Set(ls.map((l) => l.id))]);
    const keys = new Map<string, MarkedTask>();
    const copies = new Map<string, KeyedCopy[]>();
    for (const id of out.linked.get(recordId)!) {
      const task = tasks.get(id);
      const key = keyMarkerOf(task?.properties.hs_task_body, label);
      if (!task || !key) continue;
      const found = marked(task);
      copies.set(key, [...(copies.get(key) ?? []), { id: task.id, createdAt: task.createdAt, open: found.status !== 'COMPLETED' }]);
      const before = keys.get(key);
      if (!before || (before.status === 'COMPLETED' && found.status !== 'COMPLETED')) keys.set(key, found);
    }
    for (const [key, all] of copies) {
      const { keep, close } = keepOldest(all);
      if (keep) keys.set(key, marked(tasks.get(keep)!));
      if (close.length) out.secondCopies.set(recordId, [...(out.secondCopies.get(recordId) ?? []), ...close]);
    }
    out.byRecord.set(recordId, keys);
  }
  return out;
}

/** The tasks of some records that carry a key marker, in two batch calls: record id → key → task. */
export async function findMarkedTasks(
  gateway: CrmGateway,
  fromType: string,
  recordIds: string[],
  label: string,
): Promise<Map<string, Map<string, MarkedTask>>> {
  return (await readMarkedTasks(gateway, fromType, recordIds, label)).byRecord;
}

/**
 * create-once's look-up for tasks that carry their key line: each key's record (`recordOf`) is read
 * for its marked tasks, and a key found there answers with that task's id.
 */
export function findMarkedCreated(gateway: CrmGateway, fromType: string, recordOf: (key: string) => string, label: string): FindCreated {
  return async (keys) => {
    const found = await findMarkedTasks(gateway, fromType, [...new Set(keys.map(recordOf))], label);
    return new Map(
      keys.flatMap((k) => {
        const task = found.get(recordOf(k))?.get(k);
        return task ? [[k, task.id] as const] : [];
      }),
    );
  };
}
