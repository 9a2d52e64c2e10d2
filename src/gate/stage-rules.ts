import type { Pipeline, PipelineStage } from '../hubspot/types';

export const CLOSED_WON = 'closed_won';

/** HubSpot marks a won stage with isClosed "true" and probability "1.0"; ids vary by portal. */
export const isClosedWon = (s: PipelineStage) => s.isClosed && s.probability === 1;

export interface StageSelector {
  pipeline: string;
  stage: string;
}

/** Does a rule's (pipeline, stage) selector name this stage of this pipeline? */
export function selectorMatches(selector: StageSelector, pipeline: Pipeline, stageId: string): boolean {
  if (selector.pipeline !== '*' && selector.pipeline !== pipeline.id) return false;
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) return false;
  return selector.stage === CLOSED_WON ? isClosedWon(stage) : selector.stage === stageId;
}

/**
 * The rule that governs a stage: a rule naming the pipeline beats a `*` rule, and a rule naming
 * the stage id beats the semantic `closed_won`.
 */
export function ruleForStage<R extends StageSelector>(rules: R[], pipeline: Pipeline, stageId: string): R | undefined {
  const rank = (r: R) => (r.pipeline === '*' ? 0 : 2) + (r.stage === CLOSED_WON ? 0 : 1);
  return rules.filter((r) => selectorMatches(r, pipeline, stageId)).sort((a, b) => rank(b) - rank(a))[0];
}

/** Every (pipeline, stage) that some rule gates; the sweep searches exactly these. */
export function gatedStages<R extends StageSelector>(rules: R[], pipelines: Pipeline[]): Array<{ pipelineId: string; stageId: string; rule: R }> {
  const out: Array<{ pipelineId: string; stageId: string; rule: R }> = [];
  for (const p of pipelines) {
    for (const s of p.stages) {
      const rule = ruleForStage(rules, p, s.id);
      if (rule) out.push({ pipelineId: p.id, stageId: s.id, rule });
    }
  }
  return out;
}

/** The rule a deal will meet when it closes: the first gated stage of its pipeline, in board order. */
export function previewRule<R extends StageSelector>(rules: R[], pipeline: Pipeline): R | undefined {
  const stage = previewStage(rules, pipeline);
  return stage === undefined ? undefined : ruleForStage(rules, pipeline, stage);
}

/** The first gated stage of the pipeline, in board order (its id). */
export function previewStage<R extends StageSelector>(rules: R[], pipeline: Pipeline): string | undefined {
  return pipeline.stages.find((s) => ruleForStage(rules, pipeline, s.id))?.id;
}
