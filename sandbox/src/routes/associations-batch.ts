import { Router, type Request } from 'express';
import { z } from 'zod';
import { iso } from '../clock';
import type { RouteContext } from '../context';
import { batchError, validationError } from '../errors';
import { checkBatchSize, noContent, param, parseBody } from '../http';
import { presentAssociationTypes, presentLabelsBetween } from '../presenters';
import { associationSpecs } from './associations';
import { createEach, sendBatch } from './batch';

/** /crm/v4/associations/{from}/{to}/batch/… — many associations per call. */

const objectId = z.object({ id: z.coerce.string() });
const createInput = z.object({ inputs: z.array(z.object({ from: objectId, to: objectId, types: associationSpecs })) });
const readInput = z.object({ inputs: z.array(z.object({ id: z.coerce.string(), after: z.string().optional() })) });
const archiveInput = z.object({ inputs: z.array(z.object({ from: objectId, to: z.array(objectId) })) });
const defaultInput = z.object({ inputs: z.array(z.object({ from: objectId, to: objectId })) });

/** HubSpot's cursors are opaque strings; this one encodes an offset into the record's associations. */
const cursorOf = (offset: number): string => Buffer.from(`assoc:${offset}`).toString('base64url');

function offsetOf(after: string): number {
  const m = /^assoc:(\d+)$/.exec(Buffer.from(after, 'base64url').toString());
  if (!m) throw validationError(`after ${JSON.stringify(after)} is not a paging cursor this endpoint returned.`);
  return Number(m[1]);
}

export function associationBatchRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store, clock } = ctx;
  const pairOf = (req: Request) => ({
    from: store.types.resolve(param(req, 'fromObjectType')),
    to: store.types.resolve(param(req, 'toObjectType')),
  });

  r.post('/:fromObjectType/:toObjectType/batch/create', (req, res) => {
    const { from, to } = pairOf(req);
    const { inputs } = parseBody(createInput, req.body);
    checkBatchSize(inputs);
    const startedAt = clock.now();
    const { results, errors } = createEach(
      inputs,
      (input) => {
        const missing = [
          ...(store.records.get(from.objectTypeId, input.from.id) ? [] : [input.from.id]),
          ...(store.records.get(to.objectTypeId, input.to.id) ? [] : [input.to.id]),
        ];
        if (missing.length > 0) throw validationError(`Objects not found: ${missing.join(', ')}`);
        const { typeIds } = store.objects.resolveSpecs(from, input.types, to.objectTypeId);
        store.associations.associate(from.objectTypeId, input.from.id, to.objectTypeId, input.to.id, typeIds);
        return presentLabelsBetween(store, from.objectTypeId, input.from.id, to.objectTypeId, input.to.id);
      },
      (input) => ({ fromObjectId: [input.from.id], toObjectId: [input.to.id] }),
    );
    sendBatch(res, 201, results, errors, startedAt, clock.now());
  });

  // Ids with no associations are left out of results and reported in errors (207), like HubSpot.
  // Each row holds at most one page of associated records; `paging.next.after` asks for the rest
  // with a follow-up input `{id, after}`.
  r.post('/:fromObjectType/:toObjectType/batch/read', (req, res) => {
    const { from, to } = pairOf(req);
    const { inputs } = parseBody(readInput, req.body);
    checkBatchSize(inputs);
    const startedAt = clock.now();
    const pageSize = store.associations.settings.pageSize;
    const results: unknown[] = [];
    const errors: unknown[] = [];
    const seen = new Set<string>();
    for (const { id, after } of inputs) {
      if (seen.has(`${id}|${after ?? ''}`)) continue;
      seen.add(`${id}|${after ?? ''}`);
      const linked = store.records.get(from.objectTypeId, id) ? store.associations.associated(from.objectTypeId, id, to.objectTypeId) : [];
      const offset = after === undefined ? 0 : offsetOf(after);
      if (linked.length === 0 || offset >= linked.length) {
        errors.push(
          batchError(
            'OBJECT_NOT_FOUND',
            `No ${to.name} is associated with ${from.name} ${id}.`,
            { fromObjectId: [id] },
            'crm.associations.NO_ASSOCIATIONS_FOUND',
          ),
        );
        continue;
      }
      const page = linked.slice(offset, offset + pageSize);
      const next = offset + pageSize < linked.length ? cursorOf(offset + pageSize) : undefined;
      results.push({
        from: { id },
        to: page.map((a) => ({ toObjectId: Number(a.toObjectId), associationTypes: presentAssociationTypes(store, a.typeIds) })),
        ...(next ? { paging: { next: { after: next } } } : {}),
      });
    }
    sendBatch(res, 200, results, errors, startedAt, clock.now());
  });

  r.post('/:fromObjectType/:toObjectType/batch/archive', (req, res) => {
    const { from, to } = pairOf(req);
    const { inputs } = parseBody(archiveInput, req.body);
    checkBatchSize(inputs);
    for (const input of inputs) {
      for (const target of input.to) store.associations.disassociate(from.objectTypeId, input.from.id, to.objectTypeId, target.id);
    }
    noContent(res);
  });

  r.post('/:fromObjectType/:toObjectType/batch/labels/archive', (req, res) => {
    const { from, to } = pairOf(req);
    const { inputs } = parseBody(createInput, req.body);
    checkBatchSize(inputs);
    for (const input of inputs) {
      const { typeIds } = store.objects.resolveSpecs(from, input.types, to.objectTypeId);
      store.associations.disassociate(from.objectTypeId, input.from.id, to.objectTypeId, input.to.id, typeIds);
    }
    noContent(res);
  });

  r.post('/:fromObjectType/:toObjectType/batch/associate/default', (req, res) => {
    const { from, to } = pairOf(req);
    const { inputs } = parseBody(defaultInput, req.body);
    checkBatchSize(inputs);
    const startedAt = clock.now();
    const forward = store.associations.defaultType(from.objectTypeId, to.objectTypeId);
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const input of inputs) {
      const exists = store.records.get(from.objectTypeId, input.from.id) && store.records.get(to.objectTypeId, input.to.id);
      if (!forward || !exists) {
        errors.push(
          batchError('VALIDATION_ERROR', `Cannot associate ${from.name} ${input.from.id} with ${to.name} ${input.to.id}.`, { fromObjectId: [input.from.id] }),
        );
        continue;
      }
      store.associations.associate(from.objectTypeId, input.from.id, to.objectTypeId, input.to.id, [forward.typeId]);
      results.push({
        from: { id: input.from.id },
        to: { id: input.to.id },
        associationSpec: { associationCategory: forward.category, associationTypeId: forward.typeId },
      });
    }
    res.status(200).json({
      status: 'COMPLETE',
      results,
      ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
      startedAt: iso(startedAt),
      completedAt: iso(clock.now()),
    });
  });

  return r;
}
