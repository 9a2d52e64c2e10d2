import type { ModelProblem } from './model-error';
import type { ModelParts } from './model-parts';
import type { Deliverable } from './playbooks-schema';
import { allowedValues, checkProperty, propertySides, type SideName } from './property-sides';

const sideOf = (d: Deliverable): SideName => (d.kind === 'deal_property' ? 'deal' : d.kind === 'scope_property' ? 'scope' : d.object);

/** Every property a deliverable names must exist on its object, and every value it wants must be one of its options. */
export function validatePlaybooks(parts: ModelParts): ModelProblem[] {
  if (!parts.playbooks) return [];
  const { file, value } = parts.playbooks;
  const sides = propertySides(parts);
  const problems: ModelProblem[] = [];
  const check = (on: SideName, name: string, path: string, wanted: string[] = []) => {
    const { def, problem } = checkProperty(sides.get(on), name);
    if (problem) problems.push({ file, path, message: problem });
    const allowed = allowedValues(def);
    for (const w of wanted) {
      if (allowed && !allowed.includes(w)) problems.push({ file, path, message: `"${w}" is not a value of ${name} — use one of ${allowed.join(', ')}` });
    }
  };
  value.units.forEach((unit, i) => {
    const at = `$.units[${i}].deliverable`;
    const d = unit.deliverable;
    if (d.kind === 'linked_record') {
      d.requiredProperties.forEach((p, n) => check(d.object, p, `${at}.requiredProperties[${n}]`));
      for (const [p, v] of Object.entries(d.requiredValues)) check(d.object, p, `${at}.requiredValues.${p}`, [v]);
    } else {
      check(sideOf(d), d.property, `${at}.property`, d.values);
    }
  });
  return problems;
}
