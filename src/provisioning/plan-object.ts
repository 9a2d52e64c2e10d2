import type { PortalObjectSchema } from '../hubspot/portal-types';
import { NATIVE_OBJECT_TYPE_IDS, type CustomObjectDef } from '../model';
import { defaultGroupName, objectCreateBody } from './payloads';
import { diffObjectSchema } from './plan-object-schema';
import type { Change } from './plan-types';
import { isHubSpots, planProperty } from './plan-property';
import type { PropertiesAndGroups } from './portal-state';

/**
 * A missing object is one create carrying its properties and associations. An existing one gets
 * missing associations, its property group if gone, property changes, drift, and schema updates.
 */
export function planCustomObject(def: CustomObjectDef, schema: PortalObjectSchema | undefined, portal: PropertiesAndGroups | undefined): Change[] {
  const target = { type: 'object', object: def.name } as const;
  if (!schema) {
    const with_ = def.associatedObjects.length ? `; associated with ${def.associatedObjects.join(', ')}` : '';
    return [
      {
        kind: 'create',
        target,
        reason: `"${def.labels.singular}" with ${def.properties.length} properties${with_}`,
        action: { op: 'createObject', body: objectCreateBody(def) },
      },
    ];
  }
  const changes: Change[] = [];
  for (const other of def.associatedObjects) {
    const toId = NATIVE_OBJECT_TYPE_IDS[other];
    const exists = schema.associations.some(
      (a) =>
        (a.fromObjectTypeId === schema.objectTypeId && a.toObjectTypeId === toId) || (a.toObjectTypeId === schema.objectTypeId && a.fromObjectTypeId === toId),
    );
    const assocTarget = { type: 'association', object: def.name, with: other } as const;
    changes.push(
      exists
        ? { kind: 'noop', target: assocTarget, reason: 'associated' }
        : {
            kind: 'create',
            target: assocTarget,
            reason: `associate ${def.name} with ${other}`,
            action: { op: 'createObjectAssociation', object: def.name, toObjectTypeId: toId },
          },
    );
  }

  const groupName = defaultGroupName(def.name);
  const groups = portal?.groups ?? [];
  const groupTarget = { type: 'group', objectType: def.name, name: groupName } as const;
  changes.push(
    groups.some((g) => g.name === groupName)
      ? { kind: 'noop', target: groupTarget, reason: 'present' }
      : {
          kind: 'create',
          target: groupTarget,
          reason: `"${def.labels.singular} information", HubSpot's default group for ${def.name}`,
          action: { op: 'createGroup', objectType: def.name, body: { name: groupName, label: `${def.labels.singular} information` } },
        },
  );

  const properties = new Map((portal?.properties ?? []).map((p) => [p.name, p]));
  for (const p of def.properties) {
    changes.push(...planProperty(p, properties.get(p.name), { objectType: def.name, groupName, enforceGroup: false }));
  }
  const modelled = new Set(def.properties.map((p) => p.name));
  for (const p of portal?.properties ?? []) {
    if (!modelled.has(p.name) && !isHubSpots(p)) {
      changes.push({ kind: 'drift', target: { type: 'property', objectType: def.name, name: p.name }, reason: 'in HubSpot but not in schemas/ — left alone' });
    }
  }

  const { body, notes } = diffObjectSchema(def, schema);
  changes.push(
    notes.length
      ? { kind: 'update', target, reason: notes.join('; '), action: { op: 'updateObject', object: def.name, body } }
      : { kind: 'noop', target, reason: 'matches schemas/' },
  );
  return changes;
}
