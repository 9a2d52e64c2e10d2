import type { DealEvaluation } from './gate-service';
import { countWords, groupMissing } from './missing-groups';
import { previewStage } from './stage-rules';

const STATUS_WORD = { passed: 'PASSED', blocked: 'BLOCKED', overridden: 'OVERRIDDEN' } as const;

/** The evaluation of one deal as plain text: the checklist, then what to do, for `npm run gate` and the demo. */
export function renderEvaluation(e: DealEvaluation): string {
  const { deal } = e.loaded;
  const stageId = deal.properties.dealstage ?? '';
  const label = (id: string) => e.pipeline?.stages.find((s) => s.id === id)?.label ?? id;
  const lines = [`Deal ${deal.id} “${deal.properties.dealname ?? ''}” — ${e.pipeline?.label ?? 'unknown pipeline'}, stage ${label(stageId)}`];
  if (!e.rule || !e.evaluation) {
    lines.push('No gate rule applies to this pipeline.');
    return lines.join('\n');
  }
  const inStage = e.decision.action !== 'skip' || e.decision.reason !== 'not_gated';
  const gatedAt = e.pipeline ? previewStage([e.rule], e.pipeline) : undefined;
  const missing = groupMissing(e.evaluation);
  lines.push(
    `${inStage ? 'Gate' : `Gate on moving to ${gatedAt ? label(gatedAt) : 'its closed-won stage'}`}: ${STATUS_WORD[e.evaluation.status]} — ` +
      `${e.evaluation.passedCount} of ${e.evaluation.total} checks done${missing.length ? `, ${countWords(missing.length, 'item')} missing` : ''}`,
  );
  for (const item of e.evaluation.items) lines.push(`  ${item.passed ? '✓' : '✗'} ${item.label}`);
  if (missing.length) {
    lines.push('To do:');
    missing.forEach((g, i) => {
      lines.push(`  ${i + 1}. ${g.action}`);
      for (const need of g.needs) lines.push(`       – ${need}`);
    });
  }
  if (e.evaluation.override) lines.push(`  Override reason: ${e.evaluation.override.reason}`);
  const d = e.decision;
  lines.push(
    d.action === 'skip'
      ? `The gate would not act now (${d.reason.replace(/_/g, ' ')}).`
      : d.action === 'block'
        ? `The gate would send it back to ${d.revertToLabel}.`
        : `The gate would let it stay (${d.evaluation.status}).`,
  );
  return lines.join('\n');
}
