import type { Pipeline } from '../hubspot/types';
import { gateRulesFile, type Model } from '../model/model';
import { ModelError, type ModelProblem } from '../model/model-error';
import { CLOSED_WON, isClosedWon, type StageSelector } from './stage-rules';

const stageList = (p: Pipeline) => p.stages.map((s) => `${s.id} (${s.label})`).join(', ');
const pipelineList = (ps: Pipeline[]) => ps.map((p) => `${p.id} (${p.label})`).join(', ');

/**
 * Every gate rule must name a pipeline and stage the portal has: a misspelt stage matches no deal,
 * which would switch the gate off without a word. Pure: rules and the portal's deal pipelines in,
 * problems out, each naming the file, the JSON path and the stages that do exist.
 */
export function checkRuleStages(rules: readonly StageSelector[], pipelines: readonly Pipeline[], file: string, listPath = '$.rules'): ModelProblem[] {
  const problems: ModelProblem[] = [];
  rules.forEach((rule, i) => {
    const at = `${listPath}[${i}]`;
    const named = rule.pipeline === '*' ? [...pipelines] : pipelines.filter((p) => p.id === rule.pipeline);
    if (!named.length) {
      problems.push({
        file,
        path: `${at}.pipeline`,
        message: `"${rule.pipeline}" is not a deal pipeline of this portal — use * or one of: ${pipelineList([...pipelines]) || '(none)'}`,
      });
      return;
    }
    const found = rule.stage === CLOSED_WON ? named.some((p) => p.stages.some(isClosedWon)) : named.some((p) => p.stages.some((s) => s.id === rule.stage));
    if (found) return;
    const where = rule.pipeline === '*' ? 'any deal pipeline' : `pipeline ${named[0]!.id} (${named[0]!.label})`;
    const existing = named.map((p) => `${p.label}: ${stageList(p)}`).join('; ');
    problems.push({
      file,
      path: `${at}.stage`,
      message:
        rule.stage === CLOSED_WON
          ? `${where} has no closed-won stage (closed, probability 1.0) — name a stage id instead; the stages are ${existing}`
          : `"${rule.stage}" is not a stage of ${where} — use ${CLOSED_WON} (each pipeline's won stage) or a stage id: ${existing}`,
    });
  });
  return problems;
}

/** Throws the ModelError the loaders throw, so the scripts and the service report it the same way. */
export function assertRuleStages(rules: readonly StageSelector[], pipelines: readonly Pipeline[], file: string): void {
  const problems = checkRuleStages(rules, pipelines, file);
  if (problems.length) throw new ModelError(problems);
}

/** Gate rules and stage playbooks alike: a playbook on a misspelt stage would create nothing, silently. */
export function assertModelStages(model: Pick<Model, 'gateRules' | 'playbooks' | 'gateRulesFile' | 'playbooksFile'>, pipelines: readonly Pipeline[]): void {
  const problems = [
    ...checkRuleStages(model.gateRules.rules, pipelines, gateRulesFile(model)),
    ...checkRuleStages(model.playbooks.playbooks, pipelines, model.playbooksFile ?? 'schemas/playbooks.json', '$.playbooks'),
  ];
  if (problems.length) throw new ModelError(problems);
}
