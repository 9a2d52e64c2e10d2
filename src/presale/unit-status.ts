import type { CalendarDate } from '../dates/calendar';
import { unitDone, type DeliverableFacts } from './deliverable';
import type { PlannedUnit } from './playbook-units';

export type UnitState = 'done' | 'open' | 'overdue';

/** A unit's task as the I/O found it by key. */
export interface UnitTask {
  id: string;
  completed: boolean;
}

export interface UnitStatus {
  unit: PlannedUnit;
  /** done: the deliverable exists; overdue: it does not and the due date has passed (portal's today). */
  state: UnitState;
  taskId: string | null;
  /** The task was ticked, but the deliverable is not there: still open. */
  tickedWithoutDeliverable: boolean;
  /** The deliverable appeared and the task is still open: Throughline completes it. */
  completeTask: boolean;
  /** No task yet and nothing delivered: the I/O creates one (already delivered units get none). */
  createTask: boolean;
}

/**
 * Where each unit stands, from its deliverable (never from the task alone) and `today` in the
 * portal's time zone; what the I/O should do about its task follows from that.
 */
export function unitStatuses(units: readonly PlannedUnit[], facts: DeliverableFacts, tasks: ReadonlyMap<string, UnitTask>, today: CalendarDate): UnitStatus[] {
  return units.map((unit) => {
    const done = unitDone(unit, facts);
    const task = tasks.get(unit.key);
    return {
      unit,
      state: done ? 'done' : unit.dueDate < today ? 'overdue' : 'open',
      taskId: task?.id ?? null,
      tickedWithoutDeliverable: !done && !!task?.completed,
      completeTask: done && !!task && !task.completed,
      createTask: !done && !task,
    };
  });
}
