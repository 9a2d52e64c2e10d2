import type { Pipeline } from '../hubspot/types';
import type { GateDecision } from './decide';

/** What `npm run sweep -- --dry-run` prints: one line per deal the sweep would act on or leave. */
export function renderSweepPreview(decisions: GateDecision[], pipelines: Pipeline[]): string {
  const stageLabel = (id: string) => pipelines.flatMap((p) => p.stages).find((s) => s.id === id)?.label ?? id;
  const lines = decisions.map((d) => {
    if (d.action === 'skip') return `  = deal ${d.dealId}: left alone (${d.reason.replace(/_/g, ' ')})`;
    const done = `${d.evaluation.passedCount} of ${d.evaluation.total} done`;
    if (d.action === 'advise') return `  ~ deal ${d.dealId}: ${d.stageLabel} advises, no revert (${done})`;
    if (d.action === 'pass') {
      const extra = d.contractIdsToActivate.length ? `; would activate contract(s) ${d.contractIdsToActivate.join(', ')}` : '';
      return `  ✓ deal ${d.dealId}: would pass (${d.evaluation.status}, ${done})${extra}`;
    }
    const missing = d.evaluation.items.filter((i) => !i.passed).map((i) => i.label);
    const task = `${d.existingTaskId ? `would update task ${d.existingTaskId}` : 'would open a task'} for owner ${d.task.ownerId ?? '(the default owner, else none)'}`;
    return `  ✗ deal ${d.dealId}: would send back to ${stageLabel(d.revertTo)} (${done}; missing: ${missing.join('; ')}); ${task}`;
  });
  return lines.length ? lines.join('\n') : '  (no deal to check)';
}
