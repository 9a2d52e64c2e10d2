import type { Model } from '../model';
import type { Change } from './plan-types';
import type { PortalState } from './portal-state';

/** Labels are matched by their text per (from, to) pair; HubSpot's GET does not return their internal name. */
export function planLabels(model: Model, portal: PortalState): Change[] {
  const changes: Change[] = [];
  const read = new Map(portal.labels.map((p) => [`${p.from}|${p.to}`, p.labels]));
  for (const def of model.associations) {
    const target = { type: 'label', from: def.from, to: def.to, label: def.label } as const;
    const present = read.get(`${def.from}|${def.to}`) ?? [];
    if (present.some((l) => l.label === def.label)) {
      changes.push({ kind: 'noop', target, reason: 'present' });
      continue;
    }
    const body = { name: def.name, label: def.label, ...(def.inverseLabel !== undefined ? { inverseLabel: def.inverseLabel } : {}) };
    changes.push({
      kind: 'create',
      target,
      reason: `internal name ${def.name}${def.inverseLabel ? `, inverse "${def.inverseLabel}"` : ''}`,
      action: { op: 'createLabel', from: def.from, to: def.to, body },
    });
  }
  for (const pair of portal.labels) {
    const ours = new Set(model.associations.filter((a) => a.from === pair.from && a.to === pair.to).map((a) => a.label));
    for (const l of pair.labels) {
      if (l.category === 'USER_DEFINED' && l.label !== null && !ours.has(l.label)) {
        changes.push({
          kind: 'drift',
          target: { type: 'label', from: pair.from, to: pair.to, label: l.label },
          reason: `in HubSpot (type ${l.typeId}) but not in schemas/ — left alone`,
        });
      }
    }
  }
  return changes;
}
