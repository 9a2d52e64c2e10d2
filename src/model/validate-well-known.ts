import type { ModelProblem } from './model-error';
import type { ModelParts } from './model-parts';
import { WELL_KNOWN } from './well-known-properties';

const why = 'the service reads and writes it by name (src/model/well-known-properties.ts) — define it, or rename it there too';

/** Properties the code names directly must exist in schemas/, so a rename fails here rather than in production. */
export function validateWellKnown(parts: ModelParts): ModelProblem[] {
  const problems: ModelProblem[] = [];
  if (parts.deals) {
    const names = new Set(parts.deals.value.groups.flatMap((g) => g.properties.map((p) => p.name)));
    for (const name of WELL_KNOWN.deal) {
      if (!names.has(name)) problems.push({ file: parts.deals.file, path: '$.groups', message: `deal property "${name}" is missing: ${why}` });
    }
  }
  for (const role of ['scope', 'contract', 'customer_status', 'change_order', 'commitment'] as const) {
    const candidates = parts.objects.filter((o) => o.value.role === role);
    if (candidates.length !== 1) continue;
    const { file, value } = candidates[0]!;
    const names = new Set(value.properties.map((p) => p.name));
    for (const name of WELL_KNOWN[role]) {
      if (!names.has(name)) problems.push({ file, path: '$.properties', message: `property "${name}" of the ${role} object is missing: ${why}` });
    }
  }
  return problems;
}
