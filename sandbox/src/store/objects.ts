import { iso } from '../clock';
import { conflict, invalidPropertyValues, validationError, type ErrorDetail } from '../errors';
import type { AssociationStore } from './associations';
import { PIPELINE_PROPERTIES } from './delivery-objects';
import { DEALS, type ObjectTypeDef, type ObjectTypeRegistry } from './object-types';
import type { PipelineStore } from './pipelines';
import type { PropertyRegistry } from './properties';
import type { RecordStore, WriteContext } from './records';
import type { Actor, ObjectRecord } from './types';
import { normalizeValue } from './values';

/**
 * Creating, updating and archiving records with HubSpot's rules: unknown or read-only properties,
 * bad option values, numbers, dates, booleans and unique values are refused (all problems in one
 * 400); deals, tickets and projects get their default pipeline and its first stage when none is
 * given, a stage must belong to the record's pipeline, and a deal's `hs_is_closed(_won)` follow the
 * stage metadata.
 */

export interface AssociationSpecInput {
  associationCategory: string;
  associationTypeId: number;
}

export interface InlineAssociation {
  to: { id: string };
  types: AssociationSpecInput[];
}

export interface ResolvedAssociation {
  toObjectTypeId: string;
  toObjectId: string;
  typeIds: number[];
}

const CALCULATED: Actor = { sourceType: 'CALCULATED', sourceId: 'CalculatedPropertyComputer', changeSource: 'CALCULATED' };

export interface ObjectServiceDeps {
  types: ObjectTypeRegistry;
  properties: PropertyRegistry;
  records: RecordStore;
  associations: AssociationStore;
  pipelines: PipelineStore;
}

export class ObjectService {
  constructor(private readonly d: ObjectServiceDeps) {}

  /** Validate and canonicalise written properties; throws one 400 naming every problem. */
  prepare(type: ObjectTypeDef, input: Record<string, unknown>, existing?: ObjectRecord): Map<string, string> {
    const errors: ErrorDetail[] = [];
    const values = new Map<string, string>();
    // The pipeline first: the stages a record may take depend on it.
    const first = PIPELINE_PROPERTIES[type.objectTypeId]?.pipeline;
    const entries = Object.entries(input).sort(([a], [b]) => (a === first ? -1 : b === first ? 1 : 0));
    for (const [name, raw] of entries) {
      const def = this.d.properties.get(type.objectTypeId, name);
      if (!def) {
        errors.push({ message: `Property "${name}" does not exist`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [name] } });
        continue;
      }
      if (def.readOnlyValue) {
        errors.push({ message: `"${name}" is a read only property; its value cannot be set.`, code: 'READ_ONLY_VALUE', context: { propertyName: [name] } });
        continue;
      }
      const allowed = this.allowedValues(type, name, values, existing) ?? this.d.properties.allowedOptions(type.objectTypeId, def);
      const result = normalizeValue(def, raw, allowed);
      if (result.ok) values.set(name, result.value);
      else errors.push(result.error);
    }
    this.checkStage(type, values, existing, errors);
    if (errors.length > 0) throw invalidPropertyValues(errors);
    this.checkUnique(type, values, existing);
    return values;
  }

  /** Stages allowed for the pipeline the record will be in (deals, tickets, projects). */
  private allowedValues(type: ObjectTypeDef, name: string, values: Map<string, string>, existing?: ObjectRecord): string[] | undefined {
    const p = PIPELINE_PROPERTIES[type.objectTypeId];
    if (!p || name !== p.stage) return undefined;
    const pipelineId = values.get(p.pipeline) || existing?.properties.get(p.pipeline) || p.defaultPipeline;
    return (
      this.d.pipelines
        .get(type.objectTypeId, pipelineId)
        ?.stages.filter((s) => !s.archived)
        .map((s) => s.id) ?? []
    );
  }

  private checkStage(type: ObjectTypeDef, values: Map<string, string>, existing: ObjectRecord | undefined, errors: ErrorDetail[]): void {
    const p = PIPELINE_PROPERTIES[type.objectTypeId];
    const newPipeline = p && values.get(p.pipeline);
    if (!p || !existing || !newPipeline || values.has(p.stage)) return;
    const stage = existing.properties.get(p.stage);
    if (stage && !this.d.pipelines.stage(type.objectTypeId, newPipeline, stage)) {
      errors.push({
        message: `${type.singularLabel} stage ${stage} is not in pipeline ${newPipeline}; send a ${p.stage} of that pipeline with the pipeline change.`,
        code: 'INVALID_OPTION',
        context: { propertyName: [p.stage] },
      });
    }
  }

  private checkUnique(type: ObjectTypeDef, values: Map<string, string>, existing?: ObjectRecord): void {
    for (const [name, value] of values) {
      if (value === '' || !this.d.properties.get(type.objectTypeId, name)?.hasUniqueValue) continue;
      const clash = this.d.records.list(type.objectTypeId).find((r) => r.id !== existing?.id && r.properties.get(name) === value);
      if (clash) throw conflict(`A ${type.name} with ${name} ${value} already exists. Existing ID: ${clash.id}`);
    }
  }

  /** Check association specs from one type; all must lead to the same object type. */
  resolveSpecs(from: ObjectTypeDef, specs: readonly AssociationSpecInput[], toObjectTypeId?: string): { toObjectTypeId: string; typeIds: number[] } {
    if (specs.length === 0) throw validationError('At least one association type is required.');
    let to = toObjectTypeId;
    const typeIds: number[] = [];
    for (const spec of specs) {
      const type = this.d.associations.type(spec.associationTypeId);
      const fits =
        type && type.fromObjectTypeId === from.objectTypeId && type.category === spec.associationCategory && (to === undefined || type.toObjectTypeId === to);
      if (!type || !fits) {
        throw validationError(
          `${spec.associationCategory} association type id ${spec.associationTypeId} doesn't exist or is invalid from ${from.name}${to ? ` to ${this.d.types.byId(to).name}` : ''}.`,
          [{ message: 'invalid association type', code: 'INVALID_ASSOCIATION_TYPE', context: { associationTypeId: [String(spec.associationTypeId)] } }],
        );
      }
      to = type.toObjectTypeId;
      typeIds.push(type.typeId);
    }
    return { toObjectTypeId: to as string, typeIds };
  }

  resolveInline(from: ObjectTypeDef, inline: readonly InlineAssociation[]): ResolvedAssociation[] {
    return inline.map((a) => {
      const { toObjectTypeId, typeIds } = this.resolveSpecs(from, a.types);
      const toObjectId = String(a.to.id);
      if (!this.d.records.get(toObjectTypeId, toObjectId)) {
        throw validationError(`Cannot associate with ${this.d.types.byId(toObjectTypeId).name} ${toObjectId}: it does not exist.`, [
          { message: 'association target not found', code: 'OBJECT_NOT_FOUND', context: { toObjectId: [toObjectId] } },
        ]);
      }
      return { toObjectTypeId, toObjectId, typeIds };
    });
  }

  create(type: ObjectTypeDef, input: Record<string, unknown>, inline: readonly InlineAssociation[], ctx: WriteContext): ObjectRecord {
    const values = this.prepare(type, input);
    const links = this.resolveInline(type, inline);
    const record = this.d.records.newRecord(type.objectTypeId, ctx.at);
    const all = new Map<string, string>([
      ['hs_object_id', record.id],
      [type.createdateProperty, iso(ctx.at)],
      [type.lastModifiedProperty, iso(ctx.at)],
    ]);
    for (const [name, value] of values) all.set(name, value);
    this.applyPipelineDefaults(type, all);
    const changed = this.d.records.write(record, all, ctx);
    this.d.records.emit({
      kind: 'creation',
      objectTypeId: type.objectTypeId,
      objectId: record.id,
      occurredAt: ctx.at,
      actor: ctx.actor,
      emitWebhooks: ctx.emitWebhooks,
    });
    this.emitChanges(record, changed, ctx);
    this.recalculate(type, record, ctx);
    for (const link of links) this.d.associations.associate(type.objectTypeId, record.id, link.toObjectTypeId, link.toObjectId, link.typeIds);
    return record;
  }

  update(type: ObjectTypeDef, record: ObjectRecord, input: Record<string, unknown>, ctx: WriteContext): ObjectRecord {
    const values = this.prepare(type, input, record);
    const changed = this.d.records.write(record, values, ctx);
    if (changed.length === 0) return record;
    const touched = this.d.records.write(record, new Map([[type.lastModifiedProperty, iso(Math.max(ctx.at, record.updatedAt))]]), ctx);
    this.emitChanges(record, [...changed, ...touched], ctx);
    this.recalculate(type, record, ctx);
    return record;
  }

  archive(type: ObjectTypeDef, record: ObjectRecord, ctx: WriteContext): void {
    this.d.records.archive(record, ctx.at);
    this.d.associations.removeObject(type.objectTypeId, record.id);
    this.d.records.emit({
      kind: 'deletion',
      objectTypeId: type.objectTypeId,
      objectId: record.id,
      occurredAt: ctx.at,
      actor: ctx.actor,
      emitWebhooks: ctx.emitWebhooks,
    });
  }

  /** Find by id, or by a unique property when `idProperty` is given. */
  find(type: ObjectTypeDef, id: string, idProperty?: string): ObjectRecord | undefined {
    if (!idProperty || idProperty === 'hs_object_id') return this.d.records.get(type.objectTypeId, id);
    const def = this.d.properties.get(type.objectTypeId, idProperty);
    if (!def || !def.hasUniqueValue) {
      throw validationError(`idProperty ${idProperty} is not a unique-value property of ${type.name}.`);
    }
    return this.d.records.list(type.objectTypeId).find((r) => r.properties.get(idProperty) === id);
  }

  private applyPipelineDefaults(type: ObjectTypeDef, values: Map<string, string>): void {
    const p = PIPELINE_PROPERTIES[type.objectTypeId];
    if (!p) return;
    const pipelineId = values.get(p.pipeline) || p.defaultPipeline;
    values.set(p.pipeline, pipelineId);
    if (!values.get(p.stage)) {
      const first = this.d.pipelines
        .get(type.objectTypeId, pipelineId)
        ?.stages.filter((s) => !s.archived)
        .sort((a, b) => a.displayOrder - b.displayOrder)[0];
      if (first) values.set(p.stage, first.id);
    }
  }

  private recalculate(type: ObjectTypeDef, record: ObjectRecord, ctx: WriteContext): void {
    if (type.objectTypeId !== DEALS) return;
    const stage = this.d.pipelines.stage(DEALS, record.properties.get('pipeline') ?? '', record.properties.get('dealstage') ?? '');
    if (!stage) return;
    const closed = stage.metadata['isClosed'] === 'true';
    const won = closed && Number(stage.metadata['probability']) >= 1;
    const calcCtx = { ...ctx, actor: CALCULATED };
    const changed = this.d.records.write(
      record,
      new Map([
        ['hs_is_closed', String(closed)],
        ['hs_is_closed_won', String(won)],
      ]),
      calcCtx,
    );
    this.emitChanges(record, changed, calcCtx);
  }

  private emitChanges(record: ObjectRecord, names: readonly string[], ctx: WriteContext): void {
    for (const name of names) {
      this.d.records.emit({
        kind: 'propertyChange',
        objectTypeId: record.objectTypeId,
        objectId: record.id,
        propertyName: name,
        propertyValue: record.properties.get(name) ?? '',
        occurredAt: ctx.at,
        actor: ctx.actor,
        emitWebhooks: ctx.emitWebhooks,
      });
    }
  }
}
