import { iso } from './clock';
import type { SandboxStore } from './store/store';
import type { ObjectTypeDef } from './store/object-types';
import type { SchemaAssociationDef, SchemaDef } from './store/schemas';
import type { AssociationType, ObjectRecord, OwnerDef, PipelineDef, PropertyDef, PropertyGroupDef } from './store/types';

/** State → HubSpot's JSON shapes (field names per the client's generated models). */

export function presentProperty(def: PropertyDef) {
  return {
    name: def.name,
    label: def.label,
    type: def.type,
    fieldType: def.fieldType,
    description: def.description,
    groupName: def.groupName,
    options: def.options.map((o) => ({ ...o })),
    displayOrder: def.displayOrder,
    calculated: def.calculated,
    externalOptions: def.externalOptions,
    hasUniqueValue: def.hasUniqueValue,
    hidden: def.hidden,
    hubspotDefined: def.hubspotDefined,
    modificationMetadata: {
      archivable: !def.hubspotDefined,
      readOnlyDefinition: def.hubspotDefined,
      readOnlyValue: def.readOnlyValue,
    },
    formField: def.formField,
    dataSensitivity: 'non_sensitive',
    ...(def.referencedObjectType !== undefined ? { referencedObjectType: def.referencedObjectType } : {}),
    createdAt: iso(def.createdAt),
    updatedAt: iso(def.updatedAt),
    archived: def.archived,
    ...(def.archivedAt !== undefined ? { archivedAt: iso(def.archivedAt) } : {}),
  };
}

export function presentGroup(group: PropertyGroupDef) {
  return { name: group.name, label: group.label, displayOrder: group.displayOrder, archived: group.archived };
}

export interface ReadOptions {
  /** Named properties (unset ones come back as null). */
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
  /** v3 `associations=` object types. */
  associations?: readonly string[];
  /** Every property with a value (create/update answers). */
  allProperties?: boolean;
}

export function presentRecord(store: SandboxStore, type: ObjectTypeDef, record: ObjectRecord, opts: ReadOptions = {}) {
  const properties: Record<string, string | null> = {};
  const known = (name: string) => store.properties.get(type.objectTypeId, name) !== undefined;
  if (opts.properties && opts.properties.length > 0) {
    for (const name of opts.properties) if (known(name)) properties[name] = record.properties.get(name) ?? null;
  } else if (opts.allProperties) {
    for (const [name, value] of [...record.properties].sort(([a], [b]) => a.localeCompare(b))) if (value !== '') properties[name] = value;
  } else {
    for (const name of type.defaultReadProperties) properties[name] = record.properties.get(name) ?? null;
  }
  const out: Record<string, unknown> = {
    id: record.id,
    properties,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    archived: record.archived,
    ...(record.archivedAt !== undefined ? { archivedAt: iso(record.archivedAt) } : {}),
  };
  if (opts.propertiesWithHistory && opts.propertiesWithHistory.length > 0) {
    const history: Record<string, unknown[]> = {};
    for (const name of opts.propertiesWithHistory) {
      if (!known(name)) continue;
      history[name] = (record.history.get(name) ?? []).map((h) => ({
        value: h.value,
        timestamp: iso(h.timestamp),
        sourceType: h.sourceType,
        sourceId: h.sourceId,
        ...(h.updatedByUserId !== undefined ? { updatedByUserId: h.updatedByUserId } : {}),
      }));
    }
    out['propertiesWithHistory'] = history;
  }
  if (opts.associations && opts.associations.length > 0) {
    const block = presentV3Associations(store, type, record, opts.associations);
    if (Object.keys(block).length > 0) out['associations'] = block;
  }
  return out;
}

/** v3 associations block: `{companies: {results: [{id, type: "deal_to_company"}]}}`. */
function presentV3Associations(store: SandboxStore, type: ObjectTypeDef, record: ObjectRecord, tokens: readonly string[]) {
  const block: Record<string, { results: Array<{ id: string; type: string }> }> = {};
  for (const token of tokens) {
    const target = store.types.find(token);
    if (!target) continue;
    const results = store.associations
      .associated(type.objectTypeId, record.id, target.objectTypeId)
      .flatMap((a) => a.typeIds.map((typeId) => ({ id: a.toObjectId, type: store.associations.type(typeId)?.name ?? String(typeId) })));
    if (results.length > 0) block[target.custom ? token : target.plural] = { results };
  }
  return block;
}

export function presentLabel(type: AssociationType) {
  return { category: type.category, typeId: type.typeId, label: type.label };
}

/** v4 `associationTypes` of one associated record. */
export function presentAssociationTypes(store: SandboxStore, typeIds: readonly number[]) {
  return typeIds.flatMap((typeId) => {
    const type = store.associations.type(typeId);
    return type ? [presentLabel(type)] : [];
  });
}

/** v4 LabelsBetweenObjectPair (ids are numbers on the wire). */
export function presentLabelsBetween(store: SandboxStore, from: string, fromId: string, to: string, toId: string) {
  const link = store.associations.associated(from, fromId, to).find((a) => a.toObjectId === toId);
  const labels = (link?.typeIds ?? []).flatMap((id) => {
    const label = store.associations.type(id)?.label;
    return label ? [label] : [];
  });
  return { fromObjectTypeId: from, fromObjectId: Number(fromId), toObjectTypeId: to, toObjectId: Number(toId), labels };
}

export function presentSchemaAssociation(def: SchemaAssociationDef) {
  return {
    id: String(def.typeId),
    fromObjectTypeId: def.fromObjectTypeId,
    toObjectTypeId: def.toObjectTypeId,
    ...(def.name !== undefined ? { name: def.name } : {}),
    createdAt: iso(def.createdAt),
    updatedAt: iso(def.updatedAt),
  };
}

/** ObjectTypeDefinition (the PATCH answer): the schema without properties and associations. */
export function presentObjectTypeDefinition(schema: SchemaDef, portalId: number) {
  return {
    id: schema.id,
    objectTypeId: schema.objectTypeId,
    fullyQualifiedName: schema.fullyQualifiedName,
    name: schema.name,
    labels: { ...schema.labels },
    ...(schema.description !== undefined ? { description: schema.description } : {}),
    requiredProperties: [...schema.requiredProperties],
    searchableProperties: [...schema.searchableProperties],
    ...(schema.primaryDisplayProperty !== undefined ? { primaryDisplayProperty: schema.primaryDisplayProperty } : {}),
    secondaryDisplayProperties: [...schema.secondaryDisplayProperties],
    portalId,
    createdAt: iso(schema.createdAt),
    updatedAt: iso(schema.updatedAt),
    archived: false,
  };
}

/** ObjectSchema (list/get/create answers). */
export function presentSchema(store: SandboxStore, schema: SchemaDef) {
  const { portalId: _portalId, ...definition } = presentObjectTypeDefinition(schema, store.portalId);
  void _portalId;
  return {
    ...definition,
    properties: store.properties.list(schema.objectTypeId).map((p) => presentProperty(store.properties.present(schema.objectTypeId, p))),
    associations: store.schemas.associationsOf(schema).map(presentSchemaAssociation),
  };
}

export function presentPipeline(pipeline: PipelineDef) {
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    archived: pipeline.archived,
    createdAt: iso(pipeline.createdAt),
    updatedAt: iso(pipeline.updatedAt),
    stages: [...pipeline.stages]
      .sort((a, b) => a.displayOrder - b.displayOrder)
      .map((s) => ({
        id: s.id,
        label: s.label,
        displayOrder: s.displayOrder,
        metadata: { ...s.metadata },
        archived: s.archived,
        writePermissions: s.writePermissions ?? 'CRM_PERMISSIONS_ENFORCEMENT',
        createdAt: iso(s.createdAt),
        updatedAt: iso(s.updatedAt),
      })),
  };
}

export function presentOwner(owner: OwnerDef) {
  return {
    id: owner.id,
    email: owner.email,
    type: 'PERSON',
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    createdAt: iso(owner.createdAt),
    updatedAt: iso(owner.updatedAt),
    archived: owner.archived,
    teams: owner.teams.map((t) => ({ ...t })),
  };
}
