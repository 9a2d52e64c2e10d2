import type { PortalProperty, PropertyUpdateBody } from '../hubspot/portal-types';
import type { PropertyDef } from '../model';
import { propertyCreateBody } from './payloads';
import { diffOptions } from './plan-options';
import type { Change } from './plan-types';

/** fieldType changes that keep every stored value valid. Anything else is a conflict. */
const SAFE_FIELD_TYPE_CHANGES = [
  ['text', 'textarea', 'html'],
  ['select', 'radio'],
];
const safeFieldTypeChange = (from: string, to: string) => SAFE_FIELD_TYPE_CHANGES.some((set) => set.includes(from) && set.includes(to));

/** HubSpot's own properties are never drift; hs_ names are HubSpot's even when not flagged (ours may not use them). */
export const isHubSpots = (p: PortalProperty) => p.hubspotDefined || p.name.startsWith('hs_');

export interface PropertyPlacement {
  objectType: string;
  groupName: string;
  /** Deal properties are moved back to their modelled group; custom object ones may be regrouped in HubSpot. */
  enforceGroup: boolean;
}

export function planProperty(def: PropertyDef, present: PortalProperty | undefined, at: PropertyPlacement): Change[] {
  const target = { type: 'property', objectType: at.objectType, name: def.name } as const;
  if (!present) {
    return [
      {
        kind: 'create',
        target,
        reason: `${def.type}/${def.fieldType} in group ${at.groupName}`,
        action: { op: 'createProperty', objectType: at.objectType, body: propertyCreateBody(def, at.groupName) },
      },
    ];
  }
  if (present.hubspotDefined) {
    return [{ kind: 'conflict', target, reason: `HubSpot defines ${def.name} itself — give the property another name in schemas/` }];
  }
  if (present.type !== def.type) {
    return [
      {
        kind: 'conflict',
        target,
        reason: `type is ${present.type} in HubSpot but ${def.type} in schemas/ — changing a type can corrupt stored values; left alone (change it by hand or rename the property)`,
      },
    ];
  }
  const changes: Change[] = [];
  const body: PropertyUpdateBody = {};
  const notes: string[] = [];
  if (present.fieldType !== def.fieldType) {
    if (!safeFieldTypeChange(present.fieldType, def.fieldType)) {
      return [
        { kind: 'conflict', target, reason: `fieldType is ${present.fieldType} in HubSpot but ${def.fieldType} in schemas/ — not a safe change; left alone` },
      ];
    }
    body.fieldType = def.fieldType;
    notes.push(`fieldType ${present.fieldType} → ${def.fieldType}`);
  }
  if (present.label !== def.label) {
    body.label = def.label;
    notes.push(`label "${present.label}" → "${def.label}"`);
  }
  if (def.description !== undefined && present.description !== def.description) {
    body.description = def.description;
    notes.push('description');
  }
  if (at.enforceGroup && present.groupName !== at.groupName) {
    body.groupName = at.groupName;
    notes.push(`group ${present.groupName} → ${at.groupName}`);
  }
  if (def.type === 'enumeration' && def.options) {
    const diff = diffOptions(def.options, present.options);
    if (diff.added.length || diff.relabeled.length) {
      body.options = diff.merged;
      if (diff.added.length) notes.push(`add option(s) ${diff.added.map((v) => `"${v}"`).join(', ')}`);
      notes.push(...diff.relabeled.map((r) => `option ${r}`));
    }
    if (diff.removed.length) {
      changes.push({
        kind: 'conflict',
        target,
        reason: `option(s) ${diff.removed.map((v) => `"${v}"`).join(', ')} in HubSpot but not in schemas/ — removing an option orphans stored values; kept (hide it in HubSpot, or restore it in schemas/)`,
      });
    }
  }
  if (notes.length) {
    changes.unshift({
      kind: 'update',
      target,
      reason: notes.join('; '),
      action: { op: 'updateProperty', objectType: at.objectType, property: def.name, body },
    });
  } else if (!changes.length) {
    changes.push({ kind: 'noop', target, reason: 'matches schemas/' });
  }
  return changes;
}
