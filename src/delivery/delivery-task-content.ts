import type { DeliveryAssessment } from './assessment';

/** Subjects and bodies of the delivery tasks: what a person reads in HubSpot. */

export const DELIVERY_TASK_MARKER = '[Throughline delivery]';
/** The body line that carries a task's key (src/tasks/task-key-marker.ts). */
export const DELIVERY_KEY_LABEL = 'delivery-key';

export type TaskRole = 'ae' | 'lead';

export const healthTaskKey = (dealId: string, role: TaskRole) => `delivery-health:${dealId}:${role}`;
export const changeOrderTaskKey = (changeOrderId: string) => `change-order-pending:${changeOrderId}`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const HEALTH_WORDS: Record<string, string> = { at_risk: 'at risk', off_track: 'off track', on_track: 'on track', not_started: 'not started', closed: 'closed' };
const words = (health: string | null) => (health ? (HEALTH_WORDS[health] ?? health) : 'not assessed yet');

export interface TaskText {
  subject: string;
  body: string;
  priority: 'HIGH' | 'MEDIUM';
}

export function healthTaskText(dealName: string, role: TaskRole, assessment: DeliveryAssessment, previous: string | null): TaskText {
  const who = role === 'ae' ? 'You own this deal' : 'You lead its delivery';
  const reasons = assessment.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('');
  return {
    subject: `${DELIVERY_TASK_MARKER} ${dealName} is ${words(assessment.health)}`,
    body:
      `<p>Delivery of ${escapeHtml(dealName)} is ${words(assessment.health)} (it was ${words(previous)}). ${who}: look at why, together.</p>` +
      `<ul>${reasons}</ul><p>This task completes itself when the delivery is back on track.</p>`,
    priority: assessment.health === 'off_track' ? 'HIGH' : 'MEDIUM',
  };
}

export function changeOrderTaskText(dealName: string, title: string | null, ageDays: number, thresholdDays: number): TaskText {
  const name = title ? `“${title}”` : 'an untitled change order';
  return {
    subject: `${DELIVERY_TASK_MARKER} Decide change order ${name} on ${dealName}`,
    body:
      `<p>The change order ${escapeHtml(name)} on ${escapeHtml(dealName)} was requested ${Math.floor(ageDays)} days ago and is still undecided ` +
      `(more than ${thresholdDays} days). Set its Decision to billed, absorbed or rejected (with a reason).</p>` +
      '<p>This task completes itself once the change order is decided.</p>',
    priority: 'MEDIUM',
  };
}
