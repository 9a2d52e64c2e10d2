import type { PlannedReview } from './write-reviews';

export interface ReviewRunSummary {
  dealsSeen: number;
  byState: Record<'not_yet' | 'due' | 'overdue' | 'answered', number>;
  tasksCreated: number;
  tasksCompleted: number;
  planned: PlannedReview[];
}

function line(r: PlannedReview, dryRun: boolean): string | null {
  const name = r.dealName ?? `deal ${r.dealId}`;
  const t = r.plan.task;
  const made =
    t?.action === 'create'
      ? `; ${dryRun ? 'would create' : 'created'} its task for ${t.ownerId ? `owner ${t.ownerId}` : 'nobody (set DEFAULT_OWNER_ID)'}, due ${t.dueDate}`
      : '';
  switch (r.plan.state) {
    case 'due':
      return `due today      ${name} (kickoff ${r.kickoffDate})${made}`;
    case 'overdue':
      return `overdue ${String(r.plan.daysOverdue).padStart(3)} d  ${name}, due ${r.plan.dueDate}: not answered yet (${r.plan.unanswered.length} answer(s) missing)${made || '; no new task: it had one'}`;
    case 'answered':
      return t?.action === 'complete' ? `answered       ${name}: its task ${dryRun ? 'would be' : 'is'} completed` : null;
    default:
      return null;
  }
}

/** The review pass for a terminal: each due, overdue or newly answered review, then the counts. Pure. */
export function renderReviewRun(run: ReviewRunSummary, dryRun: boolean): string {
  const lines = run.planned.map((r) => line(r, dryRun)).filter((l): l is string => l !== null);
  const { not_yet, due, overdue, answered } = run.byState;
  const tasks = dryRun
    ? `would create ${run.planned.filter((r) => r.plan.task?.action === 'create').length} task(s), complete ${run.planned.filter((r) => r.plan.task?.action === 'complete').length}`
    : `created ${run.tasksCreated} task(s), completed ${run.tasksCompleted}`;
  const head = `Handoff reviews${dryRun ? ' (dry run: nothing written)' : ''}: ${run.dealsSeen} won deal(s) looked at — ${due} due, ${overdue} overdue, ${answered} answered, ${not_yet} not due yet; ${tasks}.`;
  return [...lines, head].join('\n') + '\n';
}
