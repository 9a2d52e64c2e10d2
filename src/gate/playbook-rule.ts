import type { UnitDef } from '../model/playbooks-schema';
import { deliverableMet } from '../presale/deliverable';
import { deliverableWords } from '../presale/deliverable-words';
import type { PresaleLabels } from '../presale/presale-labels';
import type { GateContext, GateItem } from './types';

// Defined in model/ (the loader uses them, and model/ must not import the gate): re-exported here.
export { playbookUnitsField } from '../model/playbook-units-field';
export { checkRulePlaybookUnits } from '../model/check-rule-playbook-units';

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
