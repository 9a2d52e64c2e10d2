import type { ObjectSchemaPatchBody, PortalObjectSchema } from '../hubspot/portal-types';
import type { CustomObjectDef } from '../model';

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** HubSpot may list its own hs_ properties in these sets; only ours are compared. */
const sameSet = (ours: string[], theirs: string[]) => {
  const t = theirs.filter((n) => !n.startsWith('hs_') || ours.includes(n));
  return ours.length === t.length && ours.every((n) => t.includes(n));
};

/** Object-level differences a schema PATCH can make safely: labels, description, display and search settings. */
export function diffObjectSchema(def: CustomObjectDef, present: PortalObjectSchema): { body: ObjectSchemaPatchBody; notes: string[] } {
  const body: ObjectSchemaPatchBody = {};
  const notes: string[] = [];
  if (present.labels.singular !== def.labels.singular || present.labels.plural !== def.labels.plural) {
    body.labels = { singular: def.labels.singular, plural: def.labels.plural };
    notes.push(`labels "${present.labels.singular}"/"${present.labels.plural}" → "${def.labels.singular}"/"${def.labels.plural}"`);
  }
  if (def.description !== undefined && present.description !== def.description) {
    body.description = def.description;
    notes.push('description');
  }
  if (present.primaryDisplayProperty !== def.primaryDisplayProperty) {
    body.primaryDisplayProperty = def.primaryDisplayProperty;
    notes.push(`primary display ${present.primaryDisplayProperty || '(none)'} → ${def.primaryDisplayProperty}`);
  }
  if (!sameList(def.secondaryDisplayProperties, present.secondaryDisplayProperties)) {
    body.secondaryDisplayProperties = def.secondaryDisplayProperties;
    notes.push(`secondary display → ${def.secondaryDisplayProperties.join(', ') || '(none)'}`);
  }
  if (!sameSet(def.searchableProperties, present.searchableProperties)) {
    body.searchableProperties = def.searchableProperties;
    notes.push(`searchable → ${def.searchableProperties.join(', ') || '(none)'}`);
  }
  if (!sameSet(def.requiredProperties, present.requiredProperties)) {
    body.requiredProperties = def.requiredProperties;
    notes.push(`required → ${def.requiredProperties.join(', ') || '(none)'}`);
  }
  return { body, notes };
}
