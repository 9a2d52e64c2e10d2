import type { DealEvaluation } from './gate-service';

const STATUS_WORD = { passed: 'PASSED', blocked: 'BLOCKED', overridden: 'OVERRIDDEN' } as const;

/** The evaluation of one deal as plain text, item by item, for `npm run gate` and the demo. */
export function renderEvaluation(e: DealEvaluation): string {
  const { deal } = e.loaded;
  const stageId = deal.properties.dealstage ?? '';
  const stage = e.pipeline?.stages.find((s) => s.id === stageId)?.label ?? stageId;
  const lines = [`Deal ${deal.id} “${deal.properties.dealname ?? ''}” — ${e.pipeline?.label ?? 'unknown pipeline'}, stage ${stage}`];
  if (!e.rule || !e.evaluation) {
    lines.push('No gate rule applies to this pipeline.');
    return lines.join('\n');
  }
  const inStage = e.decision.action !== 'skip' || e.decision.reason !== 'not_gated';
  lines.push(
    `${inStage ? 'Gate' : `Gate on closing (rule ${e.rule.pipeline}/${e.rule.stage})`}: ${STATUS_WORD[e.evaluation.status]} — ${e.evaluation.passedCount} of ${e.evaluation.total} done`,
  );
  for (const item of e.evaluation.items) {
    lines.push(`  ${item.passed ? '✓' : '✗'} ${item.label}`);
    if (!item.passed) lines.push(`      → ${item.fix}`);
  }
  if (e.evaluation.override) lines.push(`  Override reason: ${e.evaluation.override.reason}`);
  const d = e.decision;
  lines.push(
    d.action === 'skip'
      ? `The gate would not act now (${d.reason.replace(/_/g, ' ')}).`
      : d.action === 'block'
        ? `The gate would send it back to ${e.pipeline?.stages.find((s) => s.id === d.revertTo)?.label ?? d.revertTo}.`
        : `The gate would let it stay (${d.evaluation.status}).`,
  );
  return lines.join('\n');
}
