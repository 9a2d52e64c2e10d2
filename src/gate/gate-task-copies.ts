import type { CrmGateway } from '../hubspot/crm-gateway';
import type { AssociatedId, CrmRecord, UpdateInput } from '../hubspot/types';
import { GATE_PROPERTIES as G } from '../model/well-known-properties';
import { keepOldest } from '../tasks/keep-oldest';
import { TASK_MARKER } from './decide';
import { readLinked } from './find-gate-writes';

type Links = ReadonlyMap<string, AssociatedId[]>;

const PASSED = new Set(['passed', 'overridden']);
const isGateTask = (task: CrmRecord) => !!task.properties.hs_task_subject?.startsWith(TASK_MARKER);

/** What to do with one deal's gate tasks: the one to keep open (if any) and the open others to complete. */
export interface GateTaskSettlement {
  keep: string | undefined;
  close: string[];
}

/**
 * Pure: a deal has one open gate task. Two processes that gated it at the same moment (two
 * replicas, a webhook and the sweep) each made one, and a run that died before its commit left one
 * the deal does not remember: the next pass that reads the deal's tasks keeps the oldest open copy
 * (every racer picks the same, see keep-oldest.ts) and completes the others. A deal that passes
 * keeps none.
 */
export function settleGateTasks(dealId: string, links: Links, tasks: ReadonlyMap<string, CrmRecord>, passing: boolean): GateTaskSettlement {
  const copies = (links.get(dealId) ?? []).flatMap((l) => {
    const task = tasks.get(l.id);
    return task && isGateTask(task) ? [{ id: task.id, createdAt: task.createdAt, open: task.properties.hs_task_status !== 'COMPLETED' }] : [];
  });
  const { keep, close } = keepOldest(copies);
  return passing ? { keep: undefined, close: keep ? [keep, ...close] : [] } : { keep, close };
}

/**
 * The sweep's convergence step for deals the gate decided lately: reads their tasks and settles
 * the copies (a passed deal keeps none), pointing the deal at the copy kept. Two batch reads, and
 * two writes only when some deal had a second copy. Returns how many copies were completed.
 */
export async function settleRecentGateTasks(gateway: CrmGateway, deals: CrmRecord[]): Promise<number> {
  const { links, records } = await readLinked(
    gateway,
    'tasks',
    deals.map((d) => d.id),
  );
  const taskUpdates: UpdateInput[] = [];
  const dealUpdates: UpdateInput[] = [];
  for (const deal of deals) {
    // Only a deal the gate let through keeps no gate task; any other status keeps its oldest copy.
    const passing = PASSED.has(deal.properties[G.status] ?? '');
    const { keep, close } = settleGateTasks(deal.id, links, records, passing);
    taskUpdates.push(...close.map((id) => ({ id, properties: { hs_task_status: 'COMPLETED' } })));
    if (!passing && keep && keep !== deal.properties[G.taskId]) dealUpdates.push({ id: deal.id, properties: { [G.taskId]: keep } });
  }
  if (taskUpdates.length) await gateway.updateMany('tasks', taskUpdates);
  if (dealUpdates.length) await gateway.updateMany('deals', dealUpdates);
  return taskUpdates.length;
}
