import { z } from 'zod';
import type { Playbooks, UnitDef } from '../model';
import type { ModelProblem } from '../model/model-error';
import { hubSpotName } from '../model/schema-parts';
import { deliverableMet } from '../presale/deliverable';
import { deliverableWords } from '../presale/deliverable-words';
import type { PresaleLabels } from '../presale/presale-labels';
import type { GateContext, GateItem } from './types';

/** The `playbookUnits` field of a rule in gate-rules.json: unit ids from schemas/playbooks.json that must be done. */
export const playbookUnitsField = z.array(hubSpotName('unit id')).default([]);

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
        : [{ file, path: `$.rules[${r}].playbookUnits[${i}]`, message: `"${id}" is not a unit of ${playbooksFile} — use one of ${ids.join(', ') || '(none)'}` }],
    ),
  );
}

/**
 * One checklist item per unit the rule requires, done when its deliverable exists (the same
 * check the playbook uses to tick the unit's task). Unknown ids are skipped: the loader reports them.
 */
export function playbookUnitItems(unitIds: readonly string[], units: readonly UnitDef[], ctx: GateContext, labels: PresaleLabels): GateItem[] {
  return unitIds.flatMap((id) => {
    const unit = units.find((u) => u.id === id);
    if (!unit) return [];
    return [
      {
        key: `unit.${unit.id}`,
        kind: 'playbook_unit' as const,
        label: `${unit.title} done`,
        passed: deliverableMet(unit.deliverable, ctx),
        fix: unit.howToFinish ?? `${unit.title}: ${deliverableWords(unit.deliverable, labels)}.`,
      },
    ];
  });
}
