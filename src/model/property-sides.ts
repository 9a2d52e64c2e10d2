import type { ModelParts } from './model-parts';
import { DEFAULT_CUSTOM_OBJECT_PROPERTIES, DEFAULT_DEAL_PROPERTIES } from './names';
import type { PropertyDef } from './property-schema';

export type SideName = 'deal' | 'scope' | 'contract';

export interface Side {
  label: string;
  defined: Map<string, PropertyDef>;
  defaults: ReadonlySet<string>;
  definedIn: string;
}

/** The deal and the scope and contract objects, by the properties schemas/ defines on them. */
export function propertySides(parts: ModelParts): Map<SideName, Side> {
  const sides = new Map<SideName, Side>();
  if (parts.deals) {
    const defined = new Map(parts.deals.value.groups.flatMap((g) => g.properties.map((p) => [p.name, p] as const)));
    sides.set('deal', { label: 'deals', defined, defaults: DEFAULT_DEAL_PROPERTIES, definedIn: parts.deals.file });
  }
  for (const role of ['scope', 'contract'] as const) {
    // Two objects claiming a role are reported elsewhere; which one is meant is unknown here.
    const candidates = parts.objects.filter((o) => o.value.role === role);
    const obj = candidates.length === 1 ? candidates[0] : undefined;
    if (obj) {
      const defined = new Map(obj.value.properties.map((p) => [p.name, p] as const));
      sides.set(role, { label: `the ${role} object (${obj.value.name})`, defined, defaults: DEFAULT_CUSTOM_OBJECT_PROPERTIES, definedIn: obj.file });
    }
  }
  return sides;
}

/** The values a property accepts when schemas/ fixes them (bool, enumeration); undefined otherwise. */
export function allowedValues(def: PropertyDef | undefined): string[] | undefined {
  if (def?.type === 'bool') return ['true', 'false'];
  if (def?.type === 'enumeration') return (def.options ?? []).map((o) => o.value);
  return undefined;
}

/** "is not a property of …" when a side does not have it; the definition when schemas/ has one. */
export function checkProperty(side: Side | undefined, name: string): { def?: PropertyDef; problem?: string } {
  if (!side) return {};
  const def = side.defined.get(name);
  if (def) return { def };
  if (side.defaults.has(name)) return {};
  return { problem: `"${name}" is not a property of ${side.label} — define it in ${side.definedIn} or fix the name` };
}
