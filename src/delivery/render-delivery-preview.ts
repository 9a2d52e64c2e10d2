import type { DeliveryPlan } from './plan-delivery';

const MAX_VALUE = 70;
const shown = (value: string) => {
  const one = value.replace(/\s*\n\s*/g, ' · ');
  return one.length > MAX_VALUE ? `${one.slice(0, MAX_VALUE - 1)}…` : one;
};

/** Per deal, what a real run would write (`npm run delivery -- --dry-run`); pure. */
export function renderDeliveryPreview(plans: DeliveryPlan[]): string {
  return plans
    .map((p) => {
      const from = p.previousHealth ?? 'never assessed';
      const head = `Deal ${p.dealId} “${p.dealName}”: ${from === p.assessment.health ? p.assessment.health : `${from} → ${p.assessment.health}`}`;
      const props = Object.entries(p.dealProperties);
      const lines = [
        ...props.map(([name, value]) => `  would set ${name} = ${value === '' ? '(empty)' : shown(value)}`),
        ...p.openTasks.map((t) => `  would ${t.knownId ? `update task ${t.knownId}` : 'create a task'} for owner ${t.ownerId ?? '(none)'}: ${t.subject}`),
        ...p.completeTasks.map((t) => `  would complete task ${t.taskId}${t.changeOrderId ? ` (change order ${t.changeOrderId} decided)` : ''}`),
        ...(p.wentOffTrack ? ['  would report the deal off track to its companies’ customer status'] : []),
      ];
      return lines.length ? [head, ...lines].join('\n') : `${head} — nothing to write`;
    })
    .join('\n');
}
