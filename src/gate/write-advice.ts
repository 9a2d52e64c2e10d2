import type { CrmGateway } from '../hubspot/crm-gateway';
import { ASSOCIATION_TYPES } from '../hubspot/object-types';
import { createdTaskCopies, settleCreatedTasks } from '../tasks/created-task-copies';
import { findMarkedCreated, readMarkedTasks, type MarkedTask } from '../tasks/find-marked-tasks';
import { syncOpenTasks } from '../tasks/sync-open-tasks';
import type { AdviseDecision } from './advise-decision';
import type { GateDecision } from './decide';
import { todoProperties } from '../tasks/todo-properties';

/** The label of the key line advice tasks end with (advise-decision.ts writes it). */
const ADVICE_KEY_LABEL = 'advice-key';

export interface AdviceDeps {
  gateway: CrmGateway;
  defaultOwnerId?: string | undefined;
}

const isAdvice = (d: GateDecision): d is AdviseDecision => d.action === 'advise';

/**
 * Writes what advising rules decided: one task per deal and stage (found by its key line, so
 * never two), opened or rewritten while items are open, completed once none are. A task that is
 * open and already says the same is left alone, so a re-delivered event writes nothing. No deal
 * update: an advising stage records nothing in the close gate's properties. Answers the deals
 * whose task was written. Calls: one lookup (2 reads), then at most one update and one create.
 *
 * Convergence: two processes advising one deal at the same moment may each create its task. The
 * keys created are looked for again (one association read; the tasks only for a deal with a new
 * task this run did not make) and the oldest copy is kept, the others completed; a second open
 * copy the lookup finds (a race no look-up saw) is completed with the rest.
 */
export async function writeAdvice(decisions: GateDecision[], deps: AdviceDeps): Promise<string[]> {
  const advice = decisions.filter(isAdvice);
  if (!advice.length) return [];
  const { gateway } = deps;
  const read = await readMarkedTasks(
    gateway,
    'deals',
    advice.map((a) => a.dealId),
    ADVICE_KEY_LABEL,
  );
  const found = read.byRecord;
  const secondCopies = [...read.secondCopies.values()].flat();
  const existing = (a: AdviseDecision): MarkedTask | undefined => found.get(a.dealId)?.get(a.taskKey);
  const isOpen = (t: MarkedTask | undefined) => !!t && t.status !== 'COMPLETED';
  const open = advice.filter((a) => a.task && !(isOpen(existing(a)) && existing(a)!.body === a.task.body));
  const done = advice.filter((a) => !a.task && isOpen(existing(a)));
  if (!open.length && !done.length && !secondCopies.length) return [];

  const dealOf = new Map(open.map((a) => [a.taskKey, a.dealId]));
  const findOpen = findMarkedCreated(gateway, 'deals', (k) => dealOf.get(k)!, ADVICE_KEY_LABEL);
  const input = (a: AdviseDecision) => {
    const { subject, body, dueAt } = a.task!;
    return {
      key: a.taskKey,
      properties: todoProperties({ subject, body, dueAt, priority: 'MEDIUM', ownerId: a.task!.ownerId ?? deps.defaultOwnerId }),
      associations: [{ toId: a.dealId, typeId: ASSOCIATION_TYPES.taskToDeal }],
    };
  };
  // Found tasks are rewritten (reopened) or completed in one update; the lookup above already
  // says the rest has none, so they are created at once (findOpen only after a failed attempt).
  const known = open.filter((a) => existing(a));
  const fresh = open.filter((a) => !existing(a));
  if (known.length || done.length || secondCopies.length) {
    await syncOpenTasks(
      gateway,
      known.map((a) => ({ ...input(a), knownId: existing(a)!.id })),
      [...done.map((a) => existing(a)!.id), ...secondCopies],
      findOpen,
    );
  }
  if (fresh.length) {
    const created = await gateway.createMany('tasks', fresh.map(input), findOpen);
    const wanted = new Map(fresh.map((a) => [a.taskKey, input(a).properties]));
    await settleCreatedTasks(
      gateway,
      created,
      createdTaskCopies(gateway, 'deals', (k) => dealOf.get(k)!, ADVICE_KEY_LABEL, read.linked),
      (k) => wanted.get(k),
    );
  }
  return [...open, ...done].map((a) => a.dealId);
}
