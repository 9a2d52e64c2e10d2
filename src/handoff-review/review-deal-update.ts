import { HANDOFF_REVIEW_PROPERTIES as P } from '../model/commitment-properties';
import type { HandoffReviewPlan } from './plan-handoff-review';
import type { ReviewValues } from './review-answers';

/**
 * What the review pass writes on the deal, last: the plan's due date, the state (so HubSpot views
 * list due and overdue reviews; only once kickoff is known, or answered) and the id of a task it
 * just made (the commit that keeps it from ever being made twice). Empty when nothing changed. Pure.
 */
export function reviewDealUpdate(plan: HandoffReviewPlan, values: ReviewValues, createdTaskId: string | undefined): Record<string, string> {
  const update: Record<string, string> = { ...plan.dealUpdate };
  const shown = plan.dueDate !== null || plan.state === 'answered';
  if (shown && (values[P.state] ?? '').trim() !== plan.state) update[P.state] = plan.state;
  if (createdTaskId && (values[P.taskId] ?? '').trim() !== createdTaskId) update[P.taskId] = createdTaskId;
  return update;
}
