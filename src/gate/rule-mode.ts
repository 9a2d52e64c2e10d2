import { z } from 'zod';
import type { Pipeline, PipelineStage } from '../hubspot/types';
import { isClosedWon, ruleForStage, type StageSelector } from './stage-rules';

/**
 * A gate rule's mode. enforce: a deal that moves in without everything goes back, with a task
 * (the close gate). advise: the same checklist, task and card, and the deal stays where it is.
 */
export const RULE_MODES = ['enforce', 'advise'] as const;
export type RuleMode = (typeof RULE_MODES)[number];

/** The `mode` field of a rule in gate-rules.json; left out, the stage decides (ruleModeAt). */
export const ruleModeField = z
  .enum(RULE_MODES, {
    error: (iss) =>
      iss.input === undefined ? undefined : `"${String(iss.input)}" is not a mode — use enforce (send the deal back) or advise (checklist and task only)`,
  })
  .optional();

export interface ModedSelector extends StageSelector {
  mode?: RuleMode | undefined;
}

/** The mode a rule has at a stage: its own, else enforce at a closed-won stage and advise before. */
export function ruleModeAt(rule: Pick<ModedSelector, 'mode'>, stage: PipelineStage | undefined): RuleMode {
  return rule.mode ?? (stage && isClosedWon(stage) ? 'enforce' : 'advise');
}

/** The mode of the rule governing a stage; undefined when no rule does. */
export function modeForStage(rules: readonly ModedSelector[], pipeline: Pipeline, stageId: string): RuleMode | undefined {
  const rule = ruleForStage([...rules], pipeline, stageId);
  return rule
    ? ruleModeAt(
        rule,
        pipeline.stages.find((s) => s.id === stageId),
      )
    : undefined;
}

/**
 * Is the stage enforced: what revertTarget's `isGated` and the sweep's stages should mean once
 * rules can advise (a deal may go back to an advising stage; the sweep reverts only enforced ones).
 */
export const isEnforcedStage = (rules: readonly ModedSelector[], pipeline: Pipeline, stageId: string): boolean =>
  modeForStage(rules, pipeline, stageId) === 'enforce';

/** How the card and the CLI name the mode: "advises" vs "enforces". */
export const MODE_WORDS: Record<RuleMode, { verb: string; explain: string }> = {
  enforce: { verb: 'enforces', explain: 'a deal moved here without these goes back to its previous stage' },
  advise: { verb: 'advises', explain: 'the deal stays where it is; the checklist and a task say what is still open' },
};
