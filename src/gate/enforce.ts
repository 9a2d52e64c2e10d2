import type { FindCreated } from '../hubspot/create-once';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { ASSOCIATION_TYPES, type PortalTypes } from '../hubspot/object-types';
import type { UpdateInput } from '../hubspot/types';
import { syncOpenTasks } from '../tasks/sync-open-tasks';
import { CONTRACT_PROPERTIES, GATE_PROPERTIES } from '../model/well-known-properties';
import { TASK_MARKER, type GateDecision } from './decide';
import { gateTaskCopies } from './gate-task-copies';

type Block = Extract<GateDecision, { action: 'block' }>;
type Pass = Extract<GateDecision, { action: 'pass' }>;

export interface EnforceDeps {
  gateway: CrmGateway;
  types: Pick<PortalTypes, 'contract'>;
  defaultOwnerId?: string;
  /**
   * Starts the company's customer status for deals passing now (see src/status). Called before the
   * deals are marked passed, so its roll-up must count them as engaged.
   */
  onPassed?: (dealIds: string[]) => Promise<void>;
}

export interface EnforceResult {
  reverted: string[];
  passed: string[];
  tasksCreated: number;
  tasksUpdated: number;
  notesCreated: number;
}

const taskProperties = (d: Block, ownerId: string | undefined) => ({
  hs_task_subject: d.task.subject,
  hs_task_body: d.task.body,
  hs_task_status: 'NOT_STARTED',
  hs_task_priority: 'HIGH',
  hs_task_type: 'TODO',
  hs_timestamp: d.task.dueAt,
  ...(ownerId ? { hubspot_owner_id: ownerId } : {}),
});

/** The keys of what the gate creates: one open task and one override note per deal at most. */
export const gateTaskKey = (dealId: string) => `close-gate-task:${dealId}`;
export const overrideNoteKey = (dealId: string) => `close-gate-override-note:${dealId}`;

/** A FindCreated over deals: the keys' deals → `find` → the same map by key. */
const byDeal = (dealOf: Map<string, string>, find: (dealIds: string[]) => Promise<Map<string, string>>): FindCreated => async (keys) => {
  const found = await find(keys.map((k) => dealOf.get(k)!));
  return new Map(keys.flatMap((k) => (found.has(dealOf.get(k)!) ? [[k, found.get(dealOf.get(k)!)!] as const] : [])));
};

/**
 * A previous run (or a create HubSpot applied but did not answer) may have made the task without
 * its id reaching the deal. Before creating one, look for our own open task among the deal's
 * tasks, so a retry never adds a second.
 */
async function findOrphanTasks(gateway: CrmGateway, without: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!without.length) return found;
  const links = await gateway.associationsOf('deals', 'tasks', without);
  const taskIds = [...links.values()].flat().map((l) => l.id);
  if (!taskIds.length) return found;
  const tasks = await gateway.readMany('tasks', taskIds, ['hs_task_subject', 'hs_task_status']);
  for (const [dealId, ls] of links) {
    const mine = ls
      .map((l) => tasks.get(l.id))
      .find((t) => t && t.properties.hs_task_subject?.startsWith(TASK_MARKER) && t.properties.hs_task_status !== 'COMPLETED');
    if (mine) found.set(dealId, mine.id);
  }
  return found;
}

/**
 * Override notes a previous run wrote before it died (the deal not yet marked passed), or that a
 * create HubSpot applied but did not answer made: the first paragraph names who set the override
 * and when, so it identifies this override. Deal id → note id.
 */
async function findWrittenNotes(gateway: CrmGateway, withNote: Pass[]): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  if (!withNote.length) return written;
  const links = await gateway.associationsOf('deals', 'notes', withNote.map((p) => p.dealId));
  const noteIds = [...links.values()].flat().map((l) => l.id);
  if (!noteIds.length) return written;
  const notes = await gateway.readMany('notes', noteIds, ['hs_note_body']);
  for (const p of withNote) {
    const head = p.overrideNote!.slice(0, p.overrideNote!.indexOf('</p>') + 4);
    const note = (links.get(p.dealId) ?? []).find((l) => notes.get(l.id)?.properties.hs_note_body?.startsWith(head));
    if (note) written.set(p.dealId, note.id);
  }
  return written;
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
  const { gateway } = deps;
  const blocks = decisions.filter((d): d is Block => d.action === 'block');
  const passes = decisions.filter((d): d is Pass => d.action === 'pass');
  const result: EnforceResult = { reverted: [], passed: [], tasksCreated: 0, tasksUpdated: 0, notesCreated: 0 };
  if (!blocks.length && !passes.length) return result;

  const dealOf = new Map(blocks.map((b) => [gateTaskKey(b.dealId), b.dealId]));
  const tasks = await syncOpenTasks(
    gateway,
    blocks.map((b) => ({
      key: gateTaskKey(b.dealId),
      knownId: b.existingTaskId,
      properties: taskProperties(b, b.task.ownerId ?? deps.defaultOwnerId),
      associations: [{ toId: b.dealId, typeId: ASSOCIATION_TYPES.taskToDeal }],
    })),
    passes.flatMap((p) => (p.taskToComplete ? [p.taskToComplete] : [])),
    byDeal(dealOf, (ids) => findOrphanTasks(gateway, ids)),
    gateTaskCopies(gateway, dealOf),
  );
  const taskIdOf = new Map(blocks.map((b) => [b.dealId, tasks.idOf.get(gateTaskKey(b.dealId))]));
  result.tasksUpdated = tasks.updated;
  result.tasksCreated = tasks.created;

  const contracts = [...new Set(passes.flatMap((p) => p.contractIdsToActivate))];
  if (contracts.length) {
    await gateway.updateMany(
      deps.types.contract,
      contracts.map((id) => ({ id, properties: { [CONTRACT_PROPERTIES.status]: 'active' } })),
    );
  }

  const withNote = passes.filter((p) => p.overrideNote);
  const written = await findWrittenNotes(gateway, withNote);
  const notes = withNote.filter((p) => !written.has(p.dealId));
  if (notes.length) {
    const passOf = new Map(notes.map((p) => [p.dealId, p]));
    await gateway.createMany(
      'notes',
      notes.map((p) => ({
        key: overrideNoteKey(p.dealId),
        properties: { hs_note_body: p.overrideNote!, hs_timestamp: p.evaluation.evaluatedAt },
        associations: [{ toId: p.dealId, typeId: ASSOCIATION_TYPES.noteToDeal }],
      })),
      byDeal(new Map(notes.map((p) => [overrideNoteKey(p.dealId), p.dealId])), (ids) => findWrittenNotes(gateway, ids.map((id) => passOf.get(id)!))),
    );
    result.notesCreated = notes.length;
  }
  if (passes.length && deps.onPassed) await deps.onPassed(passes.map((p) => p.dealId));

  const dealUpdates: UpdateInput[] = [
    ...blocks.map((b) => ({ id: b.dealId, properties: { ...b.dealProperties, [GATE_PROPERTIES.taskId]: taskIdOf.get(b.dealId) ?? '' } })),
    ...passes.map((p) => ({ id: p.dealId, properties: p.dealProperties })),
  ];
  const { missingIds: goneDeals } = await gateway.updateMany('deals', dealUpdates);
  result.reverted = blocks.map((b) => b.dealId).filter((id) => !goneDeals.includes(id));
  result.passed = passes.map((p) => p.dealId).filter((id) => !goneDeals.includes(id));
  return result;
}
