import type { PortalGroup, PortalLabel, PortalObjectSchema, PortalOption, PortalProperty } from './portal-types';

/** The fields we read from the client's Property classes (schemas and properties modules differ slightly). */
interface PropertyLike {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName?: string;
  description?: string;
  options?: Array<{ label: string; value: string; displayOrder?: number; hidden?: boolean }>;
  hubspotDefined?: boolean;
}

export function toPortalProperty(p: PropertyLike): PortalProperty {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    groupName: p.groupName ?? '',
    description: p.description ?? '',
    options: (p.options ?? []).map((o, i): PortalOption => ({ label: o.label, value: o.value, displayOrder: o.displayOrder ?? i, hidden: o.hidden ?? false })),
    hubspotDefined: p.hubspotDefined ?? false,
  };
}

export function toPortalGroup(g: { name: string; label: string; displayOrder?: number }): PortalGroup {
  return { name: g.name, label: g.label, displayOrder: g.displayOrder ?? 0 };
}

interface SchemaLike {
  name: string;
  id: string;
  objectTypeId?: string;
  fullyQualifiedName?: string;
  labels?: { singular?: string; plural?: string };
  description?: string;
  primaryDisplayProperty?: string;
  secondaryDisplayProperties?: string[];
  searchableProperties?: string[];
  requiredProperties?: string[];
  associations?: Array<{ id: string; fromObjectTypeId: string; toObjectTypeId: string; name?: string }>;
}

export function toPortalObjectSchema(s: SchemaLike): PortalObjectSchema {
  return {
    name: s.name,
    // objectTypeId is documented as 2-{id}; older answers carry only id.
    objectTypeId: s.objectTypeId ?? `2-${s.id}`,
    fullyQualifiedName: s.fullyQualifiedName ?? s.name,
    labels: { singular: s.labels?.singular ?? '', plural: s.labels?.plural ?? '' },
    description: s.description ?? '',
    primaryDisplayProperty: s.primaryDisplayProperty ?? '',
    secondaryDisplayProperties: s.secondaryDisplayProperties ?? [],
    searchableProperties: s.searchableProperties ?? [],
    requiredProperties: s.requiredProperties ?? [],
    associations: (s.associations ?? []).map((a) => ({
      id: a.id,
      fromObjectTypeId: a.fromObjectTypeId,
      toObjectTypeId: a.toObjectTypeId,
      ...(a.name ? { name: a.name } : {}),
    })),
  };
}

export function toPortalLabel(l: { typeId: number; label?: string; category: string }): PortalLabel {
  return { typeId: l.typeId, label: l.label ?? null, category: String(l.category) };
}
