import type { ModelProblem } from './model-error';
import type { ModelParts } from './model-parts';
import { OBJECT_ROLES } from './object-schema';

/** Exactly one object per role, and no two objects with the same name. */
export function validateObjects(parts: ModelParts): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const byRole = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const { file, value } of parts.objects) {
    const roleOwner = byRole.get(value.role);
    if (roleOwner) {
      problems.push({ file, path: '$.role', message: `role "${value.role}" is already taken by ${roleOwner} — each role needs exactly one object` });
    } else byRole.set(value.role, file);
    const nameOwner = byName.get(value.name);
    if (nameOwner) {
      problems.push({ file, path: '$.name', message: `object name "${value.name}" is already used by ${nameOwner} — names must be unique` });
    } else byName.set(value.name, file);
  }
  if (parts.allObjectsParsed) {
    for (const role of OBJECT_ROLES) {
      if (!byRole.has(role)) {
        problems.push({ file: parts.objectsDir, path: '$', message: `no object has role "${role}" — add a JSON file with "role": "${role}"` });
      }
    }
  }
  return problems;
}
