import { Router, type Request } from 'express';
import { z } from 'zod';
import { httpWrite, type RouteContext } from '../context';
import { batchError, invalidPropertyValues, SandboxError, validationError, type ErrorDetail } from '../errors';
import { checkBatchSize, noContent, param, parseBody, queryBool } from '../http';
import { presentRecord } from '../presenters';
import type { ObjectTypeDef } from '../store/object-types';
import { inlineAssociations, propertiesInput } from './object-inputs';
import { sendBatch } from './batch';

/** /crm/v3/objects/{objectType}/batch/… — up to 100 records per call. */

const readInput = z.object({
  inputs: z.array(z.object({ id: z.coerce.string() })),
  properties: z.array(z.string()).optional(),
  propertiesWithHistory: z.array(z.string()).optional(),
  idProperty: z.string().optional(),
});
const traceId = z.string().optional();
const createInput = z.object({
  inputs: z.array(z.object({ properties: propertiesInput.default({}), associations: inlineAssociations.optional(), objectWriteTraceId: traceId })),
});
const updateInput = z.object({
  inputs: z.array(z.object({ id: z.coerce.string(), idProperty: z.string().optional(), properties: propertiesInput.default({}), objectWriteTraceId: traceId })),
});
const upsertInput = z.object({
  inputs: z.array(z.object({ id: z.coerce.string(), idProperty: z.string(), properties: propertiesInput.default({}), objectWriteTraceId: traceId })),
});

/** A write's result carries the input's objectWriteTraceId, as HubSpot's spec lists it. */
const traced = <T extends object>(result: T, input: { objectWriteTraceId?: string | undefined }) =>
  input.objectWriteTraceId !== undefined ? { ...result, objectWriteTraceId: input.objectWriteTraceId } : result;
const archiveInput = z.object({ inputs: z.array(z.object({ id: z.coerce.string() })) });

const notFoundError = (type: ObjectTypeDef, ids: string[]) =>
  batchError('OBJECT_NOT_FOUND', `Could not get some ${type.name.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`, { ids });

/** Run every input's validation first: one bad input fails the whole batch with 400, like HubSpot. */
function validateAll(items: readonly unknown[], check: (item: unknown, index: number) => void): void {
  const errors: ErrorDetail[] = [];
  items.forEach((item, index) => {
    try {
      check(item, index);
    } catch (err) {
      if (!(err instanceof SandboxError) || err.status !== 400) throw err;
      for (const e of err.body.errors ?? [{ message: err.body.message }]) errors.push({ ...e, context: { ...e.context, index: [String(index)] } });
    }
  });
  if (errors.length > 0) throw invalidPropertyValues(errors);
}

export function objectBatchRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store, clock } = ctx;
  const typeOf = (req: Request) => store.types.resolve(param(req, 'objectType'));

  r.post('/:objectType/batch/read', (req, res) => {
    const type = typeOf(req);
    const input = parseBody(readInput, req.body);
    checkBatchSize(input.inputs);
    const startedAt = clock.now();
    const archived = queryBool(req, 'archived');
    const ids = [...new Set(input.inputs.map((i) => i.id))];
    const found = ids.map((id) => ({
      id,
      record: archived && !input.idProperty ? store.records.get(type.objectTypeId, id, true) : store.objects.find(type, id, input.idProperty),
    }));
    const opts = {
      ...(input.properties ? { properties: input.properties } : {}),
      ...(input.propertiesWithHistory ? { propertiesWithHistory: input.propertiesWithHistory } : {}),
    };
    const results = found.flatMap(({ record }) => (record && record.archived === archived ? [presentRecord(store, type, record, opts)] : []));
    const missing = found.filter(({ record }) => !record || record.archived !== archived).map(({ id }) => id);
    sendBatch(res, 200, results, missing.length > 0 ? [notFoundError(type, missing)] : [], startedAt, clock.now());
  });

  r.post('/:objectType/batch/create', (req, res) => {
    const type = typeOf(req);
    const { inputs } = parseBody(createInput, req.body);
    checkBatchSize(inputs);
    const startedAt = clock.now();
    validateAll(inputs, (_, i) => {
      const input = inputs[i];
      if (!input) return;
      store.objects.prepare(type, input.properties);
      store.objects.resolveInline(type, input.associations ?? []);
    });
    const write = httpWrite(ctx, res);
    const results = inputs.map((input) =>
      traced(presentRecord(store, type, store.objects.create(type, input.properties, input.associations ?? [], write), { allProperties: true }), input),
    );
    sendBatch(res, 201, results, [], startedAt, clock.now());
  });

  r.post('/:objectType/batch/update', (req, res) => {
    const type = typeOf(req);
    const { inputs } = parseBody(updateInput, req.body);
    checkBatchSize(inputs);
    const startedAt = clock.now();
    const keys = inputs.map((i) => `${i.idProperty ?? ''}:${i.id}`);
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    if (duplicates.length > 0)
      throw validationError(`Duplicate IDs found in batch input: [${[...new Set(duplicates)].map((k) => k.split(':')[1]).join(', ')}]. IDs must be unique`);
    const targets = inputs.map((input) => ({ input, record: store.objects.find(type, input.id, input.idProperty) }));
    validateAll(targets, (_, i) => {
      const t = targets[i];
      if (t?.record) store.objects.prepare(type, t.input.properties, t.record);
    });
    const write = httpWrite(ctx, res);
    const results = targets.flatMap(({ input, record }) =>
      record ? [traced(presentRecord(store, type, store.objects.update(type, record, input.properties, write), { allProperties: true }), input)] : [],
    );
    const missing = targets.filter((t) => !t.record).map((t) => t.input.id);
    sendBatch(res, 200, results, missing.length > 0 ? [notFoundError(type, missing)] : [], startedAt, clock.now());
  });

  r.post('/:objectType/batch/upsert', (req, res) => {
    const type = typeOf(req);
    const { inputs } = parseBody(upsertInput, req.body);
    checkBatchSize(inputs);
    const startedAt = clock.now();
    const targets = inputs.map((input) => ({ input, record: store.objects.find(type, input.id, input.idProperty) }));
    validateAll(targets, (_, i) => {
      const t = targets[i];
      if (t) store.objects.prepare(type, t.record ? t.input.properties : { ...t.input.properties, [t.input.idProperty]: t.input.id }, t.record);
    });
    const write = httpWrite(ctx, res);
    const results = targets.map(({ input, record }) => {
      if (record)
        return traced(
          { ...presentRecord(store, type, store.objects.update(type, record, input.properties, write), { allProperties: true }), new: false },
          input,
        );
      const created = store.objects.create(type, { ...input.properties, [input.idProperty]: input.id }, [], write);
      return traced({ ...presentRecord(store, type, created, { allProperties: true }), new: true }, input);
    });
    sendBatch(res, 200, results, [], startedAt, clock.now());
  });

  r.post('/:objectType/batch/archive', (req, res) => {
    const type = typeOf(req);
    const { inputs } = parseBody(archiveInput, req.body);
    checkBatchSize(inputs);
    const write = httpWrite(ctx, res);
    for (const { id } of inputs) {
      const record = store.records.get(type.objectTypeId, id);
      if (record) store.objects.archive(type, record, write);
    }
    noContent(res);
  });

  return r;
}
