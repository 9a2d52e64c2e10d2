import type { GateRules, LinkedRequirement } from './gate-rules-schema';
import type { ModelProblem } from './model-error';
import { validateCommitmentRequirement } from './validate-commitment-rule';
import type { ModelParts } from './model-parts';
import { propertySides, type Side } from './property-sides';
import type { PropertyDef } from './property-schema';

/** Every property a gate rule names must exist on the deal, scope or contract it refers to. */
export function validateGateRules(parts: ModelParts): ModelProblem[] {
  if (!parts.gateRules) return [];
  const { file, value } = parts.gateRules;
  const problems: ModelProblem[] = [];
  const sides: Map<string, Side> = propertySides(parts);

  const exists = (on: string, name: string, path: string): PropertyDef | undefined => {
    const side = sides.get(on);
    if (!side) return undefined;
    const def = side.defined.get(name);
    if (!def && !side.defaults.has(name)) {
      problems.push({ file, path, message: `"${name}" is not a property of ${side.label} — define it in ${side.definedIn} or fix the name` });
    }
    return def;
  };

  checkOverride(value, exists, problems, file);
  const c = parts.objects.filter((o) => o.value.role === 'commitment');
  value.rules.forEach((rule, r) => {
    const at = `$.rules[${r}]`;
    rule.deal.requiredProperties.forEach((n, i) => exists('deal', n, `${at}.deal.requiredProperties[${i}]`));
    for (const role of ['scope', 'contract'] as const) {
      const req: LinkedRequirement | undefined = rule[role];
      if (req) checkRequirement(req, role, `${at}.${role}`, exists, problems, file);
    }
    rule.crossChecks.forEach((check, c) => {
      const cat = `${at}.crossChecks[${c}]`;
      check.equal.forEach((n, i) => exists(check.on, n, `${cat}.equal[${i}]`));
      if (check.unlessFilled) exists(check.on, check.unlessFilled, `${cat}.unlessFilled`);
    });
    if (rule.commitments) problems.push(...validateCommitmentRequirement(rule.commitments, at, file, c.length === 1 ? c[0] : undefined));
  });
  return problems;
}

type Exists = (on: string, name: string, path: string) => PropertyDef | undefined;

function checkOverride(value: GateRules, exists: Exists, problems: ModelProblem[], file: string): void {
  const flag = exists('deal', value.override.flag, '$.override.flag');
  if (flag && flag.type !== 'bool') {
    problems.push({ file, path: '$.override.flag', message: `"${flag.name}" is a ${flag.type} property — the override flag must be a bool deal property` });
  }
  exists('deal', value.override.reason, '$.override.reason');
}

function checkRequirement(req: LinkedRequirement, on: string, at: string, exists: Exists, problems: ModelProblem[], file: string): void {
  req.requiredProperties.forEach((n, i) => exists(on, n, `${at}.requiredProperties[${i}]`));
  for (const [name, wanted] of Object.entries(req.requiredValues)) {
    const path = `${at}.requiredValues.${name}`;
    const def = exists(on, name, path);
    const allowed = def?.type === 'bool' ? ['true', 'false'] : def?.type === 'enumeration' ? (def.options ?? []).map((o) => o.value) : undefined;
    if (allowed && !allowed.includes(wanted)) {
      problems.push({ file, path, message: `"${wanted}" is not a value of ${name} — use one of ${allowed.join(', ')}` });
    }
  }
}
