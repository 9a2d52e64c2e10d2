import { atLocalTime } from '../dates/calendar';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { ASSOCIATION_TYPES } from '../hubspot/object-types';
import type { AssociationInput, AssociationTypeRef, CrmRecord, Properties } from '../hubspot/types';
import { findKeyedTasks } from '../tasks/find-keyed-tasks';
import { findMarkedTasks } from '../tasks/find-marked-tasks';
import { settleCopies } from '../tasks/sync-open-tasks';
import { keyMarkerOf, withKeyMarker } from '../tasks/task-key-marker';
import { CONTRACT_PROPERTIES as C } from '../model/well-known-properties';
import { formatSentLog, parseSentLog, withEntries, type SentEntry } from './sent-log';
import { todoProperties } from '../tasks/todo-properties';

export interface TrackedTask {
  contract: CrmRecord;
  key: string;
  subject: string;
  body: string;
  dueDate: string;
  ownerId: string | undefined;
  companyId: string | undefined;
  dealId: string | undefined;
  /** Written to the contract together with the "sent" line (e.g. status ended after a lapse). */
  contractProperties?: Properties;
}

export interface TrackedTaskDeps {
  gateway: CrmGateway;
  contractType: string;
  taskToContract: AssociationTypeRef | undefined;
  /** The portal's time zone: a task is due at 09:00 there on its due date. */
  timeZone: string;
}

const MARKER_LABEL = 'reminder-key';

/** A reminder task's key: the contract and the reminder (keys repeat across contracts). */
export const reminderTaskKey = (contractId: string, key: string) => `renewal-task:${contractId}:${key}`;

/**
 * The reminder tasks of some contracts, found through each contract's task associations and the
 * key line in their bodies: contract id → reminder key → task id. Without a task → contract
 * association type nothing can be found (the portal refused to say it; see object-types.ts).
 */
async function findReminderTasks(contractIds: string[], deps: TrackedTaskDeps): Promise<Map<string, Map<string, string>>> {
  if (deps.taskToContract === undefined || !contractIds.length) return new Map();
  const found = await findMarkedTasks(deps.gateway, deps.contractType, contractIds, MARKER_LABEL);
  return new Map([...found].map(([contractId, keys]) => [contractId, new Map([...keys].map(([key, task]) => [key, task.id]))]));
}

/**
 * Pending lines mean a previous run died between recording a reminder and confirming its task.
 * Find those tasks through each contract's task associations: found → the line becomes sent;
 * not found → the line is dropped and the reminder is planned again. The settled logs are written
 * back at once (one batch), so a pending line is resolved only once. Returns each contract's log.
 */
export async function resolvePending(records: CrmRecord[], deps: TrackedTaskDeps): Promise<Map<string, SentEntry[]>> {
  const logs = new Map(records.map((r) => [r.id, parseSentLog(r.properties[C.remindersSent])]));
  const withPending = records.filter((r) => logs.get(r.id)!.some((e) => e.state === 'pending')).map((r) => r.id);
  if (!withPending.length) return logs;
  const taskOfKey = await findReminderTasks(withPending, deps);
  for (const id of withPending) {
    const found = taskOfKey.get(id) ?? new Map<string, string>();
    logs.set(
      id,
      logs.get(id)!.flatMap((e) => (e.state !== 'pending' ? [e] : found.has(e.key) ? [{ ...e, state: 'sent' as const, taskId: found.get(e.key) }] : [])),
    );
  }
  await deps.gateway.updateMany(
    deps.contractType,
    withPending.map((id) => ({ id, properties: { [C.remindersSent]: formatSentLog(logs.get(id)!) } })),
  );
  return logs;
}

/**
 * Creates tasks so that a crash at any point neither loses nor doubles one: record the keys as
 * pending on their contracts, create the tasks (one batch), then mark the keys sent.
 */
export async function createTrackedTasks(items: TrackedTask[], logs: Map<string, SentEntry[]>, deps: TrackedTaskDeps, today: string): Promise<number> {
  if (!items.length) return 0;
  const byContract = new Map<string, TrackedTask[]>();
  for (const i of items) byContract.set(i.contract.id, [...(byContract.get(i.contract.id) ?? []), i]);
  const logOf = (id: string, entries: SentEntry[]) => formatSentLog(withEntries(logs.get(id) ?? [], entries));

  await deps.gateway.updateMany(
    deps.contractType,
    [...byContract].map(([id, its]) => ({
      id,
      properties: {
        [C.remindersSent]: logOf(
          id,
          its.map((i) => ({ key: i.key, state: 'pending', taskId: undefined, date: today })),
        ),
      },
    })),
  );

  const itemOf = new Map(items.map((i) => [reminderTaskKey(i.contract.id, i.key), i]));
  const findMade = async (keys: string[]) => {
    const found = await findReminderTasks([...new Set(keys.map((k) => itemOf.get(k)!.contract.id))], deps);
    return new Map(
      keys.flatMap((k) => {
        const i = itemOf.get(k)!;
        const id = found.get(i.contract.id)?.get(i.key);
        return id ? [[k, id] as const] : [];
      }),
    );
  };
  const created = await deps.gateway.createMany(
    'tasks',
    items.map((i) => {
      const associations: AssociationInput[] = [];
      if (i.dealId) associations.push({ toId: i.dealId, typeId: ASSOCIATION_TYPES.taskToDeal });
      if (i.companyId) associations.push({ toId: i.companyId, typeId: ASSOCIATION_TYPES.taskToCompany });
      if (deps.taskToContract !== undefined) associations.push({ toId: i.contract.id, ...deps.taskToContract });
      return {
        key: reminderTaskKey(i.contract.id, i.key),
        properties: todoProperties({
          subject: i.subject,
          body: withKeyMarker(i.body, i.key, MARKER_LABEL),
          dueAt: atLocalTime(i.dueDate, 9, deps.timeZone).toISOString(),
          priority: 'HIGH',
          ownerId: i.ownerId,
        }),
        associations,
      };
    }),
    findMade,
  );
  // Another scan may have created the same reminders at the same moment: keep the oldest of each.
  const settled = new Map(created);
  if (deps.taskToContract !== undefined) {
    await settleCopies(deps.gateway, [...created.keys()], settled, () =>
      findKeyedTasks(deps.gateway, deps.contractType, [...byContract.keys()], (task, contractId) => {
        const key = keyMarkerOf(task.properties.hs_task_body, MARKER_LABEL);
        return key ? reminderTaskKey(contractId, key) : undefined;
      }),
    );
  }
  const taskOf = new Map(items.map((i) => [i, settled.get(reminderTaskKey(i.contract.id, i.key))!]));

  await deps.gateway.updateMany(
    deps.contractType,
    [...byContract].map(([id, its]) => {
      const sent: SentEntry[] = its.map((i) => ({ key: i.key, state: 'sent', taskId: taskOf.get(i), date: today }));
      logs.set(id, withEntries(logs.get(id) ?? [], sent));
      return { id, properties: { ...Object.assign({}, ...its.map((i) => i.contractProperties ?? {})), [C.remindersSent]: formatSentLog(logs.get(id)!) } };
    }),
  );
  return created.size;
}
