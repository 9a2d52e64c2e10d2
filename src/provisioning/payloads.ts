import type { ObjectSchemaCreateBody, OptionBody, PropertyCreateBody } from '../hubspot/portal-types';
import type { CustomObjectDef, PropertyDef } from '../model';

/** HubSpot's group for a custom object's properties, created with the schema. */
export const defaultGroupName = (objectName: string) => `${objectName}_information`;

export function optionBodies(def: PropertyDef): OptionBody[] | undefined {
  return def.options?.map((o, i) => ({
    label: o.label,
    value: o.value,
    displayOrder: o.displayOrder ?? i,
    hidden: o.hidden ?? false,
    ...(o.description !== undefined ? { description: o.description } : {}),
  }));
}

export function propertyCreateBody(def: PropertyDef, groupName?: string): PropertyCreateBody {
  const options = optionBodies(def);
  return {
    name: def.name,
    label: def.label,
    type: def.type,
    fieldType: def.fieldType,
    ...(groupName !== undefined ? { groupName } : {}),
    ...(def.description !== undefined ? { description: def.description } : {}),
    ...(options ? { options } : {}),
    ...(def.hasUniqueValue !== undefined ? { hasUniqueValue: def.hasUniqueValue } : {}),
    ...(def.formField !== undefined ? { formField: def.formField } : {}),
  };
}

/** A fresh object is created with all its properties and associations in one call. */
export function objectCreateBody(def: CustomObjectDef): ObjectSchemaCreateBody {
  return {
    name: def.name,
    labels: { singular: def.labels.singular, plural: def.labels.plural },
    ...(def.description !== undefined ? { description: def.description } : {}),
    primaryDisplayProperty: def.primaryDisplayProperty,
    secondaryDisplayProperties: def.secondaryDisplayProperties,
    searchableProperties: def.searchableProperties,
    requiredProperties: def.requiredProperties,
    associatedObjects: def.associatedObjects,
    properties: def.properties.map((p) => propertyCreateBody(p)),
  };
}
