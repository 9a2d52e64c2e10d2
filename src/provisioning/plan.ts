import type { Model } from '../model';
import { planCustomObject } from './plan-object';
import { planDeals } from './plan-deals';
import { planLabels } from './plan-labels';
import { summarize, type Change, type Plan } from './plan-types';
import type { PortalState } from './portal-state';

/**
 * The desired model against the portal → every difference, each with its reason and the exact call
 * apply would make. Pure: no I/O, no clock; the same inputs give the same plan.
 */
export function planProvisioning(model: Model, portal: PortalState): Plan {
  const schemas = new Map(portal.schemas.map((s) => [s.name, s]));
  const changes: Change[] = [];
  for (const def of model.objects) {
    changes.push(...planCustomObject(def, schemas.get(def.name), portal.objects[def.name]));
  }
  changes.push(...planDeals(model, portal.deals));
  changes.push(...planLabels(model, portal));
  const modelled = new Set(model.objects.map((o) => o.name));
  for (const s of portal.schemas) {
    if (!modelled.has(s.name)) {
      changes.push({ kind: 'drift', target: { type: 'object', object: s.name }, reason: `custom object ${s.objectTypeId} is not in schemas/ — left alone` });
    }
  }
  const objectTypeIds = Object.fromEntries(
    model.objects.flatMap((o) => {
      const s = schemas.get(o.name);
      return s ? [[o.name, s.objectTypeId] as const] : [];
    }),
  );
  return { changes, objectTypeIds, summary: summarize(changes) };
}
