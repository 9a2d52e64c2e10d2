import type { FindCreated } from '../hubspot/create-once';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { ASSOCIATION_TYPES, type PortalTypes } from '../hubspot/object-types';
import type { Properties, UpdateInput } from '../hubspot/types';
import { syncOpenTasks } from '../tasks/sync-open-tasks';
import { CONTRACT_PROPERTIES, GATE_PROPERTIES } from '../model/well-known-properties';
import type { GateDecision } from './decide';
import { findOrphanTasks, findWrittenNotes, noteHead, pickWrittenNotes } from './find-gate-writes';
import { settleGateTasks } from './gate-task-copies';
import type { GatePrefetch } from './load-batch';
import { todoProperties } from '../tasks/todo-properties';

type Block = Extract<GateDecision, { action: 'block' }>;
type Pass = Extract<GateDecision, { action: 'pass' }>;

export interface EnforceDeps {
  gateway: CrmGateway;
  types: Pick<PortalTypes, 'contract'>;
  defaultOwnerId?: string;
  /**
   * Starts the company's customer status for deals passing now (see src/status). Called before the
   * deals are marked passed, so its roll-up must count them as engaged, and beside the contract
   * activations (`contractChanges`), which its roll-up must count as written.
   */
  onPassed?: (dealIds: string[], contractChanges: ReadonlyMap<string, Properties>) => Promise<void>;
  /** What the batch's reads already found (tasks and notes of the deals asked about). */
  prefetched?: Pick<GatePrefetch, 'tasks' | 'notes'>;
}

export interface EnforceResult {
  reverted: string[];
  passed: string[];
  tasksCreated: number;
  tasksUpdated: number;
  notesCreated: number;
}

const taskProperties = (d: Block, ownerId: string | undefined) =>
  todoProperties({ subject: d.task.subject, body: d.task.body, dueAt: d.task.dueAt, priority: 'HIGH', ownerId });

/** The keys of what the gate creates: one open task and one override note per deal at most. */
export const gateTaskKey = (dealId: string) => `close-gate-task:${dealId}`;
export const overrideNoteKey = (dealId: string) => `close-gate-override-note:${dealId}`;

/** A FindCreated over deals: the keys' deals → `find` → the same map by key. */
const byDeal =
  (dealOf: Map<string, string>, find: (dealIds: string[]) => Promise<Map<string, string>>): FindCreated =>
  async (keys) => {
    const found = await find(keys.map((k) => dealOf.get(k)!));
    return new Map(keys.flatMap((k) => (found.has(dealOf.get(k)!) ? [[k, found.get(dealOf.get(k)!)!] as const] : [])));
  };

/** Answers from what the batch read when it asked about every deal in question; else reads. */
function fromBatchOr(
  prefetched: { asked: ReadonlySet<string> } | undefined,
  pick: (dealIds: string[]) => Map<string, string>,
  live: (dealIds: string[]) => Promise<Map<string, string>>,
): (dealIds: string[]) => Promise<Map<string, string>> {
  return async (dealIds) => (prefetched && dealIds.every((id) => prefetched.asked.has(id)) ? pick(dealIds) : live(dealIds));
}

/** Settles the allSettled results: the first failure is thrown once every write has finished. */
function firstFailure(results: PromiseSettledResult<unknown>[]): void {
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Writes a batch of decisions with as few calls as HubSpot allows: tasks, then what a pass starts
 * (contracts, override notes, customer statuses), then one deal update.
 *
 * The deal update goes last because it is the commit: once a deal is marked passed, a retried
 * webhook and the sweep both skip it. A run that dies before it leaves the deal unmarked, so the
 * next run decides it again and every earlier write is found done (orphan tasks, active contracts,
 * written notes, started statuses) rather than lost or made twice.
 */
export async function enforceGateDecisions(decisions: GateDecision[], deps: EnforceDeps): Promise<EnforceResult> {
  const { gateway, prefetched } = deps;
  const blocks = decisions.filter((d): d is Block => d.action === 'block');
  const passes = decisions.filter((d): d is Pass => d.action === 'pass');
  const result: EnforceResult = { reverted: [], passed: [], tasksCreated: 0, tasksUpdated: 0, notesCreated: 0 };
  if (!blocks.length && !passes.length) return result;

  // The batch read every deal's tasks (load-batch.ts): copies two racers or a dead run left are
  // settled here, in the same update, so the next pass converges on one (gate-task-copies.ts).
  const taskLinks = prefetched?.tasks.links ?? new Map();
  const taskRecords = prefetched?.tasks.records ?? new Map();
  const settled = new Map(
    [...blocks.map((b) => [b.dealId, false] as const), ...passes.map((p) => [p.dealId, true] as const)].map(([id, passing]) => [
      id,
      settleGateTasks(id, taskLinks, taskRecords, passing),
    ]),
  );
  const dealOf = new Map(blocks.map((b) => [gateTaskKey(b.dealId), b.dealId]));
  const syncTasks = () =>
    syncOpenTasks(
      gateway,
      blocks.map((b) => ({
        key: gateTaskKey(b.dealId),
        knownId: settled.get(b.dealId)!.keep ?? b.existingTaskId,
        properties: taskProperties(b, b.task.ownerId ?? deps.defaultOwnerId),
        associations: [{ toId: b.dealId, typeId: ASSOCIATION_TYPES.taskToDeal }],
      })),
      [...passes.flatMap((p) => (p.taskToComplete ? [p.taskToComplete] : [])), ...[...settled.values()].flatMap((s) => s.close)],
      byDeal(dealOf, (ids) => findOrphanTasks(gateway, ids)),
      undefined,
      // The batch read the tasks of the deals it asked about; any other is looked up before creating.
      byDeal(dealOf, async (ids) => {
        const unasked = ids.filter((id) => !prefetched?.tasks.asked.has(id));
        return unasked.length ? findOrphanTasks(gateway, unasked) : new Map<string, string>();
      }),
    );

  const contracts = [...new Set(passes.flatMap((p) => p.contractIdsToActivate))];
  const activated = new Map<string, Properties>(contracts.map((id) => [id, { [CONTRACT_PROPERTIES.status]: 'active' }]));
  const activate = async () => {
    if (contracts.length)
      await gateway.updateMany(
        deps.types.contract,
        contracts.map((id) => ({ id, properties: activated.get(id)! })),
      );
  };

  const withNote = passes.filter((p) => p.overrideNote);
  const headOf = (ids: string[]) => new Map(ids.map((id) => [id, noteHead(withNote.find((p) => p.dealId === id)!.overrideNote!)]));
  const liveNotes = (ids: string[]) => findWrittenNotes(gateway, headOf(ids));
  const notesBefore = fromBatchOr(prefetched?.notes, (ids) => pickWrittenNotes(prefetched!.notes.links, prefetched!.notes.records, headOf(ids)), liveNotes);
  const writeNotes = async () => {
    if (!withNote.length) return;
    const written = await notesBefore(withNote.map((p) => p.dealId));
    const notes = withNote.filter((p) => !written.has(p.dealId));
    if (!notes.length) return;
    await gateway.createMany(
      'notes',
      notes.map((p) => ({
        key: overrideNoteKey(p.dealId),
        properties: { hs_note_body: p.overrideNote!, hs_timestamp: p.evaluation.evaluatedAt },
        associations: [{ toId: p.dealId, typeId: ASSOCIATION_TYPES.noteToDeal }],
      })),
      byDeal(new Map(notes.map((p) => [overrideNoteKey(p.dealId), p.dealId])), liveNotes),
    );
    result.notesCreated = notes.length;
  };
  const startStatuses = async () => {
    if (passes.length && deps.onPassed)
      await deps.onPassed(
        passes.map((p) => p.dealId),
        activated,
      );
  };

  // Everything before the commit is independent: run together, and all finished before the commit.
  const [tasks, ...rest] = await Promise.allSettled([syncTasks(), activate(), writeNotes(), startStatuses()]);
  firstFailure([tasks, ...rest]);
  const synced = (tasks as PromiseFulfilledResult<Awaited<ReturnType<typeof syncTasks>>>).value;
  const taskIdOf = new Map(blocks.map((b) => [b.dealId, synced.idOf.get(gateTaskKey(b.dealId))]));
  result.tasksUpdated = synced.updated;
  result.tasksCreated = synced.created;

  const dealUpdates: UpdateInput[] = [
    ...blocks.map((b) => ({ id: b.dealId, properties: { ...b.dealProperties, [GATE_PROPERTIES.taskId]: taskIdOf.get(b.dealId) ?? '' } })),
    ...passes.map((p) => ({ id: p.dealId, properties: p.dealProperties })),
  ];
  const { missingIds: goneDeals } = await gateway.updateMany('deals', dealUpdates);
  result.reverted = blocks.map((b) => b.dealId).filter((id) => !goneDeals.includes(id));
  result.passed = passes.map((p) => p.dealId).filter((id) => !goneDeals.includes(id));
  return result;
}
