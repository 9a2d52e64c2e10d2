import type { ModelProblem } from './model-error';
import type { Playbooks } from './playbooks-schema';

/** Every unit a rule names must be defined in playbooks.json (cross-file, like validate-gate-rules.ts). */
export function checkRulePlaybookUnits(
  rules: ReadonlyArray<{ playbookUnits?: readonly string[] }>,
  playbooks: Pick<Playbooks, 'units'>,
  file: string,
  playbooksFile = 'schemas/playbooks.json',
): ModelProblem[] {
  const ids = playbooks.units.map((u) => u.id);
  return rules.flatMap((rule, r) =>
    (rule.playbookUnits ?? []).flatMap((id, i) =>
      ids.includes(id)
        ? []
        : [
            {
              file,
              path: `$.rules[${r}].playbookUnits[${i}]`,
              message: `"${id}" is not a unit of ${playbooksFile} — use one of ${ids.join(', ') || '(none)'}`,
            },
          ],
    ),
  );
}
