import type { Model } from '../model';
import type { Change } from './plan-types';
import { isHubSpots, planProperty } from './plan-property';
import type { PropertiesAndGroups } from './portal-state';

/** Deal property groups, then their properties, then custom deal properties in our groups that schemas/ dropped. */
export function planDeals(model: Model, portal: PropertiesAndGroups): Change[] {
  const changes: Change[] = [];
  const groups = new Map(portal.groups.map((g) => [g.name, g]));
  for (const def of model.deals.groups) {
    const target = { type: 'group', objectType: 'deals', name: def.name } as const;
    const present = groups.get(def.name);
    if (!present) {
      const body = { name: def.name, label: def.label, ...(def.displayOrder !== undefined ? { displayOrder: def.displayOrder } : {}) };
      changes.push({ kind: 'create', target, reason: `"${def.label}"`, action: { op: 'createGroup', objectType: 'deals', body } });
      continue;
    }
    const labelDiffers = present.label !== def.label;
    const orderDiffers = def.displayOrder !== undefined && present.displayOrder !== def.displayOrder;
    if (labelDiffers || orderDiffers) {
      const body = { ...(labelDiffers ? { label: def.label } : {}), ...(orderDiffers ? { displayOrder: def.displayOrder } : {}) };
      const notes = [
        labelDiffers ? `label "${present.label}" → "${def.label}"` : '',
        orderDiffers ? `displayOrder ${present.displayOrder} → ${def.displayOrder}` : '',
      ];
      changes.push({
        kind: 'update',
        target,
        reason: notes.filter(Boolean).join('; '),
        action: { op: 'updateGroup', objectType: 'deals', group: def.name, body },
      });
    } else changes.push({ kind: 'noop', target, reason: 'matches schemas/' });
  }

  const properties = new Map(portal.properties.map((p) => [p.name, p]));
  const modelled = new Set<string>();
  for (const group of model.deals.groups) {
    for (const def of group.properties) {
      modelled.add(def.name);
      changes.push(...planProperty(def, properties.get(def.name), { objectType: 'deals', groupName: group.name, enforceGroup: true }));
    }
  }
  const ourGroups = new Set(model.deals.groups.map((g) => g.name));
  for (const p of portal.properties) {
    if (ourGroups.has(p.groupName) && !modelled.has(p.name) && !isHubSpots(p)) {
      changes.push({
        kind: 'drift',
        target: { type: 'property', objectType: 'deals', name: p.name },
        reason: `in group ${p.groupName} in HubSpot but not in schemas/ — left alone`,
      });
    }
  }
  return changes;
}
