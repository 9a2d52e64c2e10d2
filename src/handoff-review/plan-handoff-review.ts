import { addDays, daysBetween, parseHubSpotDate, todayIn, type CalendarDate } from '../dates/calendar';
import { HANDOFF_REVIEW_PROPERTIES as P } from '../model/commitment-properties';
import { unansweredOf, type ReviewValues } from './review-answers';

/** What planHandoffReview needs about one won deal, read from HubSpot. */
export interface HandoffReviewFacts {
  dealId: string;
  /** The approved Scope's delivery start date; null until delivery has kicked off. */
  kickoffDate: CalendarDate | null;
  /** The deal's "Handoff review" group as HubSpot holds it (raw strings). */
  values: ReviewValues;
  /** The approved Scope's owner (hubspot_owner_id): the delivery lead. */
  deliveryLeadId: string | null;
  dealOwnerId: string | null;
}

export interface HandoffReviewConfig {
  /** schemas/insights.json handoffReview. */
  delayDays: number;
  requiredAnswers: readonly string[];
  /** PORTAL_TIMEZONE: "today" is the portal's. */
  timeZone: string;
}

/** The one task a deal's review ever gets: create it once, keep it while unanswered, complete it once answered. */
export type ReviewTaskPlan =
  | {
      action: 'create';
      /** The create's key (objectWriteTraceId), one per deal, so a retried create finds the first. */
      key: string;
      ownerId: string | null;
      assignedTo: 'delivery_lead' | 'deal_owner' | 'nobody';
      dueDate: CalendarDate;
    }
  | { action: 'keep'; taskId: string }
  | { action: 'complete'; taskId: string };

export type HandoffReviewState = 'not_yet' | 'due' | 'overdue' | 'answered';

export interface HandoffReviewPlan {
  state: HandoffReviewState;
  /** Kickoff + delayDays; null before kickoff. */
  dueDate: CalendarDate | null;
  /** Whole days past the due date (overdue only; 0 otherwise). */
  daysOverdue: number;
  /** Required answers still empty, by property name. */
  unanswered: string[];
  task: ReviewTaskPlan | null;
  /** Deal properties to write (the due date, so HubSpot views show overdue reviews); empty when nothing changed. */
  dealUpdate: Record<string, string>;
}

export const reviewTaskKey = (dealId: string) => `handoff-review-task:${dealId}`;

const textOf = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/**
 * Where a won deal's handoff review stands and what task should exist for it. Pure. The review is
 * due `delayDays` after kickoff and overdue the day after; the delivery lead (else the deal owner)
 * gets one task, created at most once (its id is kept in handoff_review_task_id): an overdue
 * review is shown, never re-sent. Once every required answer is in, the task is completed.
 */
export function planHandoffReview(facts: HandoffReviewFacts, now: Date, config: HandoffReviewConfig): HandoffReviewPlan {
  const taskId = textOf(facts.values[P.taskId]);
  const dueDate = facts.kickoffDate === null ? null : addDays(facts.kickoffDate, config.delayDays);
  const recorded = parseHubSpotDate(facts.values[P.dueDate]) ?? null;
  const dealUpdate: Record<string, string> = dueDate !== null && recorded !== dueDate ? { [P.dueDate]: dueDate } : {};
  const unanswered = unansweredOf(facts.values, config.requiredAnswers);

  if (unanswered.length === 0) {
    return { state: 'answered', dueDate, daysOverdue: 0, unanswered, task: taskId ? { action: 'complete', taskId } : null, dealUpdate };
  }
  const today = todayIn(config.timeZone, now);
  const past = dueDate === null ? -1 : daysBetween(dueDate, today);
  if (dueDate === null || past < 0) {
    return { state: 'not_yet', dueDate, daysOverdue: 0, unanswered, task: taskId ? { action: 'keep', taskId } : null, dealUpdate };
  }
  const owner = facts.deliveryLeadId ?? facts.dealOwnerId;
  const task: ReviewTaskPlan = taskId
    ? { action: 'keep', taskId }
    : {
        action: 'create',
        key: reviewTaskKey(facts.dealId),
        ownerId: owner,
        assignedTo: facts.deliveryLeadId ? 'delivery_lead' : facts.dealOwnerId ? 'deal_owner' : 'nobody',
        // Found late (the service was down on the day): due today, so it is not born overdue.
        dueDate: past > 0 ? today : dueDate,
      };
  return { state: past === 0 ? 'due' : 'overdue', dueDate, daysOverdue: past, unanswered, task, dealUpdate };
}
