import type { SandboxObject, SeedOptions } from './api';
import { resolveActor } from './actor';
import { iso, toEpochMs, type SandboxClock } from './clock';
import { objectNotFound, validationError } from './errors';
import type { WriteContext } from './store/records';
import type { SandboxStore } from './store/store';
import type { ObjectRecord } from './store/types';

/**
 * Writes that bypass HTTP (test and demo seeding). They go through the same validation and
 * history as API writes; webhooks only when `emitWebhooks` is true.
 */
export class Seeder {
  constructor(
    private readonly store: SandboxStore,
    private readonly clock: SandboxClock,
    private readonly appId: string,
  ) {}

  private context(opts: SeedOptions = {}): WriteContext {
    return {
      actor: resolveActor(this.appId, opts.actAs, opts.changeSource),
      at: opts.at !== undefined ? toEpochMs(opts.at) : this.clock.now(),
      emitWebhooks: opts.emitWebhooks ?? false,
    };
  }

  snapshot(record: ObjectRecord): SandboxObject {
    const properties: Record<string, string> = {};
    for (const [k, v] of record.properties) if (v !== '') properties[k] = v;
    const propertiesWithHistory: SandboxObject['propertiesWithHistory'] = {};
    for (const [k, entries] of record.history) {
      propertiesWithHistory[k] = entries.map((h) => ({
        value: h.value,
        timestamp: iso(h.timestamp),
        sourceType: h.sourceType,
        sourceId: h.sourceId,
        ...(h.updatedByUserId !== undefined ? { updatedByUserId: h.updatedByUserId } : {}),
      }));
    }
    return {
      id: record.id,
      objectTypeId: record.objectTypeId,
      properties,
      propertiesWithHistory,
      createdAt: iso(record.createdAt),
      updatedAt: iso(record.updatedAt),
      archived: record.archived,
    };
  }

  create(objectType: string, properties: Record<string, string>, opts: SeedOptions = {}): SandboxObject {
    const type = this.store.types.resolve(objectType);
    const inline = (opts.associations ?? []).map((a) => {
      const to = this.store.types.resolve(a.toObjectType);
      const typeId = a.associationTypeId ?? this.store.associations.defaultType(type.objectTypeId, to.objectTypeId)?.typeId;
      if (typeId === undefined) throw validationError(`No default association from ${type.name} to ${to.name}; pass associationTypeId.`);
      const category = this.store.associations.type(typeId)?.category ?? 'HUBSPOT_DEFINED';
      return { to: { id: a.toObjectId }, types: [{ associationCategory: category, associationTypeId: typeId }] };
    });
    return this.snapshot(this.store.objects.create(type, properties, inline, this.context(opts)));
  }

  update(objectType: string, id: string, properties: Record<string, string>, opts: SeedOptions = {}): SandboxObject {
    const type = this.store.types.resolve(objectType);
    const record = this.store.records.get(type.objectTypeId, id);
    if (!record) throw objectNotFound();
    return this.snapshot(this.store.objects.update(type, record, properties, this.context(opts)));
  }

  archive(objectType: string, id: string, opts: SeedOptions = {}): void {
    const type = this.store.types.resolve(objectType);
    const record = this.store.records.get(type.objectTypeId, id);
    if (record) this.store.objects.archive(type, record, this.context(opts));
  }

  get(objectType: string, id: string): SandboxObject | undefined {
    const type = this.store.types.resolve(objectType);
    const record = this.store.records.get(type.objectTypeId, id);
    return record ? this.snapshot(record) : undefined;
  }

  list(objectType: string): SandboxObject[] {
    const type = this.store.types.resolve(objectType);
    return this.store.records.list(type.objectTypeId).map((r) => this.snapshot(r));
  }

  associate(fromObjectType: string, fromId: string, toObjectType: string, toId: string, associationTypeId?: number): void {
    const from = this.store.types.resolve(fromObjectType);
    const to = this.store.types.resolve(toObjectType);
    if (!this.store.records.get(from.objectTypeId, fromId) || !this.store.records.get(to.objectTypeId, toId)) throw objectNotFound();
    const typeId = associationTypeId ?? this.store.associations.defaultType(from.objectTypeId, to.objectTypeId)?.typeId;
    const type = typeId === undefined ? undefined : this.store.associations.type(typeId);
    if (!type || type.fromObjectTypeId !== from.objectTypeId || type.toObjectTypeId !== to.objectTypeId) {
      throw validationError(`No association type ${typeId ?? '(default)'} from ${from.name} to ${to.name}.`);
    }
    this.store.associations.associate(from.objectTypeId, fromId, to.objectTypeId, toId, [type.typeId]);
  }
}
