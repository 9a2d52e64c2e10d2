import type { CommitmentRequirement } from './commitment-rule-schema';
import { COMMITMENT_PROPERTIES } from './commitment-properties';
import type { ModelProblem } from './model-error';
import { DEFAULT_CUSTOM_OBJECT_PROPERTIES } from './names';
import type { CustomObjectDef } from './object-schema';

/**
 * A rule's `commitments` names properties of the commitment object and values of its scope
 * decision. `at` is the rule's JSON path ("$.rules[0]"); without exactly one commitment object the
 * check is skipped (validate-objects reports that).
 */
export function validateCommitmentRequirement(
  req: CommitmentRequirement,
  at: string,
  file: string,
  commitment: { file: string; value: CustomObjectDef } | undefined,
): ModelProblem[] {
  if (!commitment) return [];
  const problems: ModelProblem[] = [];
  const defined = new Map(commitment.value.properties.map((p) => [p.name, p] as const));
  req.requiredProperties.forEach((name, i) => {
    if (!defined.has(name) && !DEFAULT_CUSTOM_OBJECT_PROPERTIES.has(name)) {
      problems.push({
        file,
        path: `${at}.commitments.requiredProperties[${i}]`,
        message: `"${name}" is not a property of the commitment object (${commitment.value.name}) — define it in ${commitment.file} or fix the name`,
      });
    }
  });
  // Without the property there is nothing to compare with; its absence is reported on its own.
  const decision = defined.get(COMMITMENT_PROPERTIES.scopeDecision);
  const options = (decision?.options ?? []).map((o) => o.value);
  req.outsideScopeDecisions.forEach((value, i) => {
    if (decision && !options.includes(value)) {
      problems.push({
        file,
        path: `${at}.commitments.outsideScopeDecisions[${i}]`,
        message: `"${value}" is not a value of ${COMMITMENT_PROPERTIES.scopeDecision} — use one of ${options.join(', ')}`,
      });
    }
  });
  return problems;
}
