import { HANDOFF_REVIEW_GROUP } from './commitment-properties';
import { NAMED_GROUPINGS } from './insights-schema';
import type { ModelProblem } from './model-error';
import type { ModelParts } from './model-parts';
import { DEFAULT_DEAL_PROPERTIES } from './names';

/** The review's answers are properties of the deal's "Handoff review" group; groupBy names a grouping or a deal property. */
export function validateInsights(parts: ModelParts): ModelProblem[] {
  if (!parts.insights || !parts.deals) return [];
  const { file, value } = parts.insights;
  const problems: ModelProblem[] = [];
  const group = parts.deals.value.groups.find((g) => g.name === HANDOFF_REVIEW_GROUP);
  const answers = new Set(group?.properties.map((p) => p.name) ?? []);
  value.handoffReview.requiredAnswers.forEach((name, i) => {
    if (!answers.has(name)) {
      problems.push({
        file,
        path: `$.handoffReview.requiredAnswers[${i}]`,
        message: `"${name}" is not a property of the deal group "${HANDOFF_REVIEW_GROUP}" — define it there in ${parts.deals!.file} or fix the name`,
      });
    }
  });
  const by = value.outcomes.groupBy;
  const dealProps = new Set(parts.deals.value.groups.flatMap((g) => g.properties.map((p) => p.name)));
  if (!(NAMED_GROUPINGS as readonly string[]).includes(by) && !dealProps.has(by) && !DEFAULT_DEAL_PROPERTIES.has(by)) {
    problems.push({
      file,
      path: '$.outcomes.groupBy',
      message: `"${by}" is neither ${NAMED_GROUPINGS.join(', ')} nor a deal property — use one of those, or a property defined in ${parts.deals.file}`,
    });
  }
  return problems;
}
