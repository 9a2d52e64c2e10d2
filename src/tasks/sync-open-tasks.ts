import type { FindCreated } from '../hubspot/create-once';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { AssociationInput, Properties, UpdateInput } from '../hubspot/types';
import type { FindCopies } from './find-keyed-tasks';
import { keepOldest } from './keep-oldest';

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
  /** Second copies of a key (another process made one at the same time) found and completed. */
  duplicatesClosed: number;
}

/**
 * One open task per key, never two (the close gate's rules, shared with the delivery phase): a
 * remembered task is updated (reopened if it was completed); without one, `findOpen` looks for the
 * task an earlier run made before its id was remembered; only the rest is created, once, through
 * create-once with `findOpen` as its lookup. Tasks to complete go in the same batch update.
 * Calls: the lookup only for keys without an id, one batch update, one batch create.
 *
 * Convergence (`findCopies`): another process may have found nothing and created the same key at
 * the same moment. So every key that had no remembered id is looked for again once its task is
 * made: two copies → the oldest is kept (every racer picks the same one, see keep-oldest.ts), the
 * others are completed, and the kept id is returned for the caller to remember. At most two more
 * calls, only in a run that had keys without an id.
 */
export async function syncOpenTasks(
  gateway: CrmGateway,
  open: OpenTask[],
  complete: string[],
  findOpen: FindCreated,
  findCopies?: FindCopies,
  /** The lookup before creating, when the caller has already read what it needs (default `findOpen`). */
  findBefore: FindCreated = findOpen,
): Promise<TaskSyncResult> {
  const result: TaskSyncResult = { idOf: new Map(), created: 0, updated: 0, completed: 0, duplicatesClosed: 0 };
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
  const wanted = new Map(open.map((t) => [t.key, t.properties]));
  if (findCopies && unknown.length) result.duplicatesClosed = await settleCopies(gateway, unknown, result.idOf, findCopies, (key) => wanted.get(key));
  return result;
}

/**
 * Keeps the oldest open copy of each key (into `idOf`) and completes the others, in one batch
 * update; a kept copy other than the one just written gets what was written (`propertiesOf`).
 * Returns how many were completed.
 */
export async function settleCopies(
  gateway: CrmGateway,
  keys: string[],
  idOf: Map<string, string>,
  findCopies: FindCopies,
  propertiesOf: (key: string) => Properties | undefined = () => undefined,
): Promise<number> {
  const copies = await findCopies(keys);
  const updates: UpdateInput[] = [];
  let closed = 0;
  for (const key of keys) {
    const { keep, close } = keepOldest(copies.get(key) ?? []);
    if (!keep || !close.length) continue;
    const properties = keep !== idOf.get(key) ? propertiesOf(key) : undefined;
    if (properties) updates.push({ id: keep, properties });
    idOf.set(key, keep);
    updates.push(...close.map((id) => ({ id, properties: { hs_task_status: 'COMPLETED' } })));
    closed += close.length;
  }
  if (updates.length) await gateway.updateMany('tasks', updates);
  return closed;
}
