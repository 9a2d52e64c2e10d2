import { conflict, notFound, validationError } from '../errors';
import { parseBody } from '../http';
import type { AssociationStore } from './associations';
import { customObjectDefaults } from './builtin-properties';
import { RESERVED_OBJECT_NAMES, type ObjectTypeDef, type ObjectTypeRegistry } from './object-types';
import { propertyFromCreate } from './property-input';
import type { PropertyRegistry } from './properties';
import type { RecordStore } from './records';
import type { AssociationType } from './types';
import { associationDefinitionInput, DEFAULT_FIELD_TYPE, SCHEMA_NAME, schemaCreateInput, schemaPatchInput } from './schema-input';

/** Custom object schemas: creating one also creates its type, properties, group and associations. */

export interface SchemaDef {
  id: string;
  objectTypeId: string;
  name: string;
  fullyQualifiedName: string;
  labels: { singular: string; plural: string };
  description?: string;
  requiredProperties: string[];
  searchableProperties: string[];
  primaryDisplayProperty?: string;
  secondaryDisplayProperties: string[];
  createdAt: number;
  updatedAt: number;
}

/** A schema-level association definition (its id is the forward association type id). */
export interface SchemaAssociationDef {
  typeId: number;
  fromObjectTypeId: string;
  toObjectTypeId: string;
  name?: string;
  createdAt: number;
  updatedAt: number;
}

const FIRST_SCHEMA_NUMBER = 3_500_001;

export interface SchemaRegistryDeps {
  portalId: number;
  types: ObjectTypeRegistry;
  properties: PropertyRegistry;
  associations: AssociationStore;
  records: RecordStore;
}

export class SchemaRegistry {
  private schemas: SchemaDef[] = [];
  private schemaAssociations: SchemaAssociationDef[] = [];
  private nextNumber = FIRST_SCHEMA_NUMBER;

  constructor(private readonly d: SchemaRegistryDeps) {}

  reset(): void {
    for (const s of this.schemas) this.d.types.remove(s.objectTypeId);
    this.schemas = [];
    this.schemaAssociations = [];
    this.nextNumber = FIRST_SCHEMA_NUMBER;
  }

  list(): SchemaDef[] {
    return [...this.schemas];
  }

  /** By `2-…` id, fully qualified name or bare name. */
  find(token: string): SchemaDef | undefined {
    const type = this.d.types.find(token);
    return type?.custom ? this.schemas.find((s) => s.objectTypeId === type.objectTypeId) : undefined;
  }

  require(token: string): SchemaDef {
    const schema = this.find(token);
    if (!schema) throw notFound(`Unable to find object schema for ${token}.`);
    return schema;
  }

  associationsOf(schema: SchemaDef): SchemaAssociationDef[] {
    return this.schemaAssociations.filter((a) => a.fromObjectTypeId === schema.objectTypeId || a.toObjectTypeId === schema.objectTypeId);
  }

  create(body: unknown, now: number): SchemaDef {
    const input = parseBody(schemaCreateInput, body);
    if (!SCHEMA_NAME.test(input.name)) {
      throw validationError(`Object name "${input.name}" is invalid: use letters, digits and _ , starting with a letter.`);
    }
    const name = input.name;
    if (RESERVED_OBJECT_NAMES.has(name.toLowerCase())) {
      throw validationError(`Object name "${name}" is reserved by a HubSpot standard object; choose another name.`);
    }
    if (this.schemas.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw conflict(`Object type with name ${name} already exists.`);
    }
    const defaults = customObjectDefaults(name, input.labels.singular, now);
    const groupName = defaults.groups[0]?.name ?? `${name}_information`;
    const props = input.properties.map((p) => propertyFromCreate({ groupName, fieldType: DEFAULT_FIELD_TYPE[String(p['type'])] ?? 'text', ...p }, now));
    const propNames = new Set([...props.map((p) => p.name), ...defaults.properties.map((p) => p.name)]);
    const mustExist = (list: readonly string[] | undefined, what: string): void => {
      const missing = (list ?? []).filter((n) => !propNames.has(n));
      if (missing.length > 0) throw validationError(`${what} names properties that are not defined: ${missing.join(', ')}`);
    };
    mustExist(input.requiredProperties, 'requiredProperties');
    mustExist(input.searchableProperties, 'searchableProperties');
    mustExist(input.secondaryDisplayProperties, 'secondaryDisplayProperties');
    mustExist(input.primaryDisplayProperty ? [input.primaryDisplayProperty] : [], 'primaryDisplayProperty');
    const targets = (input.associatedObjects ?? []).map((t) => this.d.types.resolve(t));

    const n = this.nextNumber++;
    const schema: SchemaDef = {
      id: String(n),
      objectTypeId: `2-${n}`,
      name,
      fullyQualifiedName: `p${this.d.portalId}_${name}`,
      labels: input.labels,
      ...(input.description !== undefined ? { description: input.description } : {}),
      requiredProperties: input.requiredProperties ?? [],
      searchableProperties: input.searchableProperties ?? [],
      ...(input.primaryDisplayProperty !== undefined ? { primaryDisplayProperty: input.primaryDisplayProperty } : {}),
      secondaryDisplayProperties: input.secondaryDisplayProperties ?? [],
      createdAt: now,
      updatedAt: now,
    };
    this.schemas.push(schema);
    this.d.types.add(this.typeDefOf(schema));
    this.d.properties.initType(schema.objectTypeId, { properties: [...defaults.properties, ...props], groups: defaults.groups });
    for (const target of targets) this.defineAssociation(schema.objectTypeId, target.objectTypeId, undefined, now);
    // Custom objects take activities like standard ones: HubSpot defines their task and note
    // association types itself (they are not listed among the schema's associations).
    for (const activity of [this.d.types.resolve('tasks'), this.d.types.resolve('notes')]) {
      this.d.associations.definePair({
        from: schema.objectTypeId,
        to: activity.objectTypeId,
        category: this.d.associations.settings.customObjectCategory,
        label: null,
        name: `${name}_to_${activity.name}`,
        inverseName: `${activity.name}_to_${name}`,
        now,
      });
    }
    return schema;
  }

  private typeDefOf(schema: SchemaDef): ObjectTypeDef {
    const display = schema.primaryDisplayProperty ? [schema.primaryDisplayProperty] : [];
    return {
      objectTypeId: schema.objectTypeId,
      name: schema.name,
      plural: schema.fullyQualifiedName,
      singularLabel: schema.labels.singular,
      pluralLabel: schema.labels.plural,
      custom: true,
      aliases: [schema.objectTypeId, schema.fullyQualifiedName.toLowerCase(), schema.name.toLowerCase()],
      createdateProperty: 'hs_createdate',
      lastModifiedProperty: 'hs_lastmodifieddate',
      defaultReadProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id', ...display],
      textSearchProperties: [...new Set([...display, ...schema.searchableProperties])],
    };
  }

  update(token: string, body: unknown, now: number): SchemaDef {
    const schema = this.require(token);
    const input = parseBody(schemaPatchInput, body);
    const known = new Set(this.d.properties.list(schema.objectTypeId).map((p) => p.name));
    const all = [
      ...(input.requiredProperties ?? []),
      ...(input.searchableProperties ?? []),
      ...(input.secondaryDisplayProperties ?? []),
      ...(input.primaryDisplayProperty ? [input.primaryDisplayProperty] : []),
    ];
    const missing = all.filter((n) => !known.has(n));
    if (missing.length > 0) throw validationError(`Unknown properties for ${schema.name}: ${missing.join(', ')}`);
    const { description: _oldDescription, ...rest } = schema;
    void _oldDescription;
    const description = input.clearDescription ? undefined : (input.description ?? schema.description);
    const updated: SchemaDef = {
      ...rest,
      ...(description !== undefined ? { description } : {}),
      labels: { ...schema.labels, ...input.labels },
      requiredProperties: input.requiredProperties ?? schema.requiredProperties,
      searchableProperties: input.searchableProperties ?? schema.searchableProperties,
      secondaryDisplayProperties: input.secondaryDisplayProperties ?? schema.secondaryDisplayProperties,
      ...((input.primaryDisplayProperty ?? schema.primaryDisplayProperty)
        ? { primaryDisplayProperty: input.primaryDisplayProperty ?? schema.primaryDisplayProperty }
        : {}),
      updatedAt: now,
    };
    this.schemas = this.schemas.map((s) => (s.objectTypeId === schema.objectTypeId ? updated : s));
    this.d.types.remove(schema.objectTypeId);
    this.d.types.add(this.typeDefOf(updated));
    return updated;
  }

  remove(token: string): void {
    const schema = this.require(token);
    if (this.d.records.count(schema.objectTypeId) > 0) {
      throw validationError(`Object type ${schema.name} still has records; delete them before deleting the schema.`);
    }
    this.schemas = this.schemas.filter((s) => s !== schema);
    this.schemaAssociations = this.schemaAssociations.filter((a) => a.fromObjectTypeId !== schema.objectTypeId && a.toObjectTypeId !== schema.objectTypeId);
    this.d.associations.removeTypesOf(schema.objectTypeId);
    this.d.properties.dropType(schema.objectTypeId);
    this.d.records.clearType(schema.objectTypeId);
    this.d.types.remove(schema.objectTypeId);
  }

  /** POST …/schemas/{objectType}/associations. */
  createAssociation(token: string, body: unknown, now: number): SchemaAssociationDef {
    const schema = this.require(token);
    const input = parseBody(associationDefinitionInput, body);
    const from = this.d.types.resolve(input.fromObjectTypeId);
    const to = this.d.types.resolve(input.toObjectTypeId);
    if (from.objectTypeId !== schema.objectTypeId && to.objectTypeId !== schema.objectTypeId) {
      throw validationError(`An association of schema ${schema.name} must start or end at ${schema.objectTypeId}.`);
    }
    return this.defineAssociation(from.objectTypeId, to.objectTypeId, input.name, now);
  }

  removeAssociation(token: string, associationId: string): void {
    const schema = this.require(token);
    const def = this.associationsOf(schema).find((a) => String(a.typeId) === associationId);
    if (!def) throw notFound(`Association ${associationId} not found for ${schema.name}.`);
    this.schemaAssociations = this.schemaAssociations.filter((a) => a !== def);
    this.d.associations.removeType(def.typeId);
  }

  private defineAssociation(from: string, to: string, name: string | undefined, now: number): SchemaAssociationDef {
    const duplicate = this.schemaAssociations.some(
      (a) => ((a.fromObjectTypeId === from && a.toObjectTypeId === to) || (a.fromObjectTypeId === to && a.toObjectTypeId === from)) && a.name === name,
    );
    const builtinDefault = name === undefined && this.d.associations.defaultType(from, to) !== undefined;
    if (duplicate || builtinDefault) {
      throw conflict(`An association definition${name ? ` named ${name}` : ''} between ${from} and ${to} already exists.`);
    }
    const fromName = this.d.types.byId(from).name;
    const toName = this.d.types.byId(to).name;
    const [forward]: [AssociationType, AssociationType] = this.d.associations.definePair({
      from,
      to,
      category: name ? 'USER_DEFINED' : this.d.associations.settings.customObjectCategory,
      label: name ?? null,
      name: name ?? `${fromName}_to_${toName}`,
      inverseName: name ?? `${toName}_to_${fromName}`,
      now,
    });
    const def: SchemaAssociationDef = {
      typeId: forward.typeId,
      fromObjectTypeId: from,
      toObjectTypeId: to,
      ...(name ? { name } : {}),
      createdAt: now,
      updatedAt: now,
    };
    this.schemaAssociations.push(def);
    return def;
  }
}
