import type { Target } from './plan-types';

/** A target in words, e.g. `property deals.gate_status`, `label deals → delivery_scope "Approved scope"`. */
export function describeTarget(t: Target): string {
  switch (t.type) {
    case 'object':
      return `object ${t.object}`;
    case 'association':
      return `association ${t.object} ↔ ${t.with}`;
    case 'group':
      return `group ${t.objectType}.${t.name}`;
    case 'property':
      return `property ${t.objectType}.${t.name}`;
    case 'label':
      return `label ${t.from} → ${t.to} "${t.label}"`;
  }
}

/** The section of the plan a target is printed under: `deals`, `custom object …` or `association labels`. */
export function sectionOf(t: Target): string {
  if (t.type === 'label') return 'association labels';
  const name = t.type === 'object' || t.type === 'association' ? t.object : t.objectType;
  return name === 'deals' ? 'deals' : `custom object ${name}`;
}
