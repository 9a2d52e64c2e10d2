import { conflict, notFound, validationError } from '../errors';
import { BUILTIN_PROPERTIES } from './builtin-properties';
import { DELIVERY_PROPERTIES } from './delivery-objects';
import type { PropertyDef, PropertyGroupDef, PropertyOption } from './types';

interface TypeProperties {
  properties: Map<string, PropertyDef>;
  groups: Map<string, PropertyGroupDef>;
}

/** Supplies options that live elsewhere (deal stages, pipelines, owners). */
export type DynamicOptions = (objectTypeId: string, propertyName: string) => PropertyOption[] | undefined;

/** Property definitions and groups per object type. */
export class PropertyRegistry {
  private byType = new Map<string, TypeProperties>();

  constructor(private readonly dynamicOptions: DynamicOptions) {
    this.reset();
  }

  reset(): void {
    this.byType.clear();
    for (const [objectTypeId, build] of Object.entries({ ...BUILTIN_PROPERTIES, ...DELIVERY_PROPERTIES })) this.initType(objectTypeId, build());
  }

  initType(objectTypeId: string, seed: { properties: PropertyDef[]; groups: PropertyGroupDef[] }): void {
    this.byType.set(objectTypeId, {
      properties: new Map(seed.properties.map((p) => [p.name, p])),
      groups: new Map(seed.groups.map((g) => [g.name, g])),
    });
  }

  dropType(objectTypeId: string): void {
    this.byType.delete(objectTypeId);
  }

  private of(objectTypeId: string): TypeProperties {
    let entry = this.byType.get(objectTypeId);
    if (!entry) {
      entry = { properties: new Map(), groups: new Map() };
      this.byType.set(objectTypeId, entry);
    }
    return entry;
  }

  /** Definition as the API shows it: with options resolved from pipelines/owners. */
  present(objectTypeId: string, def: PropertyDef): PropertyDef {
    const dynamic = this.dynamicOptions(objectTypeId, def.name);
    return dynamic ? { ...def, options: dynamic } : def;
  }

  list(objectTypeId: string, archived = false): PropertyDef[] {
    return [...this.of(objectTypeId).properties.values()].filter((p) => p.archived === archived);
  }

  get(objectTypeId: string, name: string): PropertyDef | undefined {
    const def = this.of(objectTypeId).properties.get(name);
    return def && !def.archived ? def : undefined;
  }

  require(objectTypeId: string, name: string): PropertyDef {
    const def = this.get(objectTypeId, name);
    if (!def) throw notFound(`Unable to find property with name ${name} for object type ${objectTypeId}.`);
    return def;
  }

  /** Options a written value must be among, or undefined when free. */
  allowedOptions(objectTypeId: string, def: PropertyDef): string[] | undefined {
    if (def.type !== 'enumeration') return undefined;
    const dynamic = this.dynamicOptions(objectTypeId, def.name);
    if (dynamic) return dynamic.map((o) => o.value);
    if (def.externalOptions && def.options.length === 0) return undefined;
    return def.options.map((o) => o.value);
  }

  create(objectTypeId: string, def: PropertyDef): PropertyDef {
    const entry = this.of(objectTypeId);
    const existing = entry.properties.get(def.name);
    if (existing && !existing.archived) {
      throw conflict(`Property named '${def.name}' already exists.`, 'OBJECT_ALREADY_EXISTS');
    }
    this.requireGroup(objectTypeId, def.groupName);
    entry.properties.set(def.name, def);
    return def;
  }

  replace(objectTypeId: string, def: PropertyDef): PropertyDef {
    this.requireGroup(objectTypeId, def.groupName);
    this.of(objectTypeId).properties.set(def.name, def);
    return def;
  }

  archive(objectTypeId: string, name: string, now: number): void {
    const def = this.require(objectTypeId, name);
    if (def.hubspotDefined) throw validationError(`HubSpot-defined property ${name} cannot be archived.`);
    this.of(objectTypeId).properties.set(name, { ...def, archived: true, archivedAt: now, updatedAt: now });
  }

  listGroups(objectTypeId: string): PropertyGroupDef[] {
    return [...this.of(objectTypeId).groups.values()].filter((g) => !g.archived);
  }

  getGroup(objectTypeId: string, name: string): PropertyGroupDef | undefined {
    const group = this.of(objectTypeId).groups.get(name);
    return group && !group.archived ? group : undefined;
  }

  requireGroup(objectTypeId: string, name: string): PropertyGroupDef {
    const group = this.getGroup(objectTypeId, name);
    if (!group) throw validationError(`Property group ${name} does not exist for object type ${objectTypeId}.`);
    return group;
  }

  createGroup(objectTypeId: string, group: PropertyGroupDef): PropertyGroupDef {
    if (this.getGroup(objectTypeId, group.name)) {
      throw conflict(`A property group named '${group.name}' already exists.`, 'OBJECT_ALREADY_EXISTS');
    }
    this.of(objectTypeId).groups.set(group.name, group);
    return group;
  }

  updateGroup(objectTypeId: string, name: string, patch: { label?: string; displayOrder?: number }): PropertyGroupDef {
    const group = this.getGroup(objectTypeId, name);
    if (!group) throw notFound(`Property group ${name} does not exist.`);
    const updated = { ...group, label: patch.label ?? group.label, displayOrder: patch.displayOrder ?? group.displayOrder };
    this.of(objectTypeId).groups.set(name, updated);
    return updated;
  }

  archiveGroup(objectTypeId: string, name: string): void {
    const group = this.getGroup(objectTypeId, name);
    if (!group) throw notFound(`Property group ${name} does not exist.`);
    if (this.list(objectTypeId).some((p) => p.groupName === name)) {
      throw validationError(`Property group ${name} still has properties; move or archive them first.`);
    }
    this.of(objectTypeId).groups.set(name, { ...group, archived: true });
  }
}
