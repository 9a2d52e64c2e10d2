import type { FindCreated } from '../hubspot/create-once';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { AssociationInput, Properties, UpdateInput } from '../hubspot/types';

/** A task that must be open: its key, the id remembered for it (if any) and what it says. */
export interface OpenTask {
  key: string;
  knownId: string | undefined;
  properties: Properties;
  associations: AssociationInput[];
}

export interface TaskSyncResult {
  /** key → the open task's id (updated, found or created). */
  idOf: Map<string, string>;
  created: number;
  updated: number;
  completed: number;
}

/**
 * One open task per key, never two (the close gate's rules, shared with the delivery phase): a
 * remembered task is updated (reopened if it was completed); without one, `findOpen` looks for the
 * task an earlier run made before its id was remembered; only the rest is created, once, through
 * create-once with `findOpen` as its lookup. Tasks to complete go in the same batch update.
 * Calls: the lookup only for keys without an id, one batch update, one batch create.
 */
export async function syncOpenTasks(
  gateway: CrmGateway,
  open: OpenTask[],
  complete: string[],
  findOpen: FindCreated,
  /** The lookup before creating, when the caller has already read what it needs (default `findOpen`). */
  findBefore: FindCreated = findOpen,
): Promise<TaskSyncResult> {
  const result: TaskSyncResult = { idOf: new Map(), created: 0, updated: 0, completed: 0 };
  const unknown = open.filter((t) => !t.knownId).map((t) => t.key);
  const orphans = unknown.length ? await findBefore(unknown) : new Map<string, string>();
  const existing = (t: OpenTask) => t.knownId ?? orphans.get(t.key);
  const toUpdate: UpdateInput[] = [
    ...[...new Set(complete)].map((id) => ({ id, properties: { hs_task_status: 'COMPLETED' } })),
    ...open.flatMap((t) => (existing(t) ? [{ id: existing(t)!, properties: t.properties }] : [])),
  ];
  const { missingIds } = toUpdate.length ? await gateway.updateMany('tasks', toUpdate) : { missingIds: [] as string[] };
  result.completed = complete.filter((id) => !missingIds.includes(id)).length;
  const needed = open.filter((t) => {
    const id = existing(t);
    if (id && !missingIds.includes(id)) {
      result.idOf.set(t.key, id);
      return false;
    }
    return true;
  });
  result.updated = open.length - needed.length;
  if (needed.length) {
    const created = await gateway.createMany(
      'tasks',
      needed.map((t) => ({ key: t.key, properties: t.properties, associations: t.associations })),
      findOpen,
    );
    for (const t of needed) result.idOf.set(t.key, created.get(t.key)!);
    result.created = created.size;
  }
  return result;
}
