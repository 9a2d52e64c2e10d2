import type { CrmGateway } from '../hubspot/crm-gateway';
import type { CrmRecord } from '../hubspot/types';
import { keyMarkerOf } from './task-key-marker';

export interface MarkedTask {
  id: string;
  status: string | null;
  /** What it says now, for callers that leave an unchanged task alone. */
  body?: string | null;
}

/**
 * The tasks of some records that carry a key marker (task-key-marker.ts), in two batch calls:
 * record id → key → task. A key found twice keeps the open task over a completed one.
 */
export async function findMarkedTasks(
  gateway: CrmGateway,
  fromType: string,
  recordIds: string[],
  label: string,
): Promise<Map<string, Map<string, MarkedTask>>> {
  const out = new Map<string, Map<string, MarkedTask>>();
  if (!recordIds.length) return out;
  const links = await gateway.associationsOf(fromType, 'tasks', recordIds);
  const taskIds = [...new Set([...links.values()].flat().map((l) => l.id))];
  const tasks = taskIds.length ? await gateway.readMany('tasks', taskIds, ['hs_task_body', 'hs_task_status']) : new Map<string, CrmRecord>();
  for (const [recordId, ls] of links) {
    const keys = new Map<string, MarkedTask>();
    for (const l of ls) {
      const task = tasks.get(l.id);
      const key = keyMarkerOf(task?.properties.hs_task_body, label);
      if (!task || !key) continue;
      const found: MarkedTask = { id: task.id, status: task.properties.hs_task_status ?? null, body: task.properties.hs_task_body ?? null };
      const before = keys.get(key);
      if (!before || (before.status === 'COMPLETED' && found.status !== 'COMPLETED')) keys.set(key, found);
    }
    out.set(recordId, keys);
  }
  return out;
}
