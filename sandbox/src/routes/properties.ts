import { Router, type Request } from 'express';
import { z } from 'zod';
import type { RouteContext } from '../context';
import { batchError } from '../errors';
import { checkBatchSize, noContent, param, parseBody, queryBool, queryList } from '../http';
import { presentProperty } from '../presenters';
import { applyPropertyUpdate, propertyFromCreate } from '../store/property-input';
import type { PropertyDef } from '../store/types';
import { createEach, sendBatch } from './batch';

/** /crm/v3/properties/{objectType}[/{name}|/batch/*] — property definitions. Groups: property-groups.ts. */

const nameInputs = z.object({ inputs: z.array(z.object({ name: z.string() })), archived: z.boolean().optional() });
const createInputs = z.object({ inputs: z.array(z.unknown()) });

export function propertyRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store, clock } = ctx;
  const typeOf = (req: Request) => store.types.resolve(param(req, 'objectType')).objectTypeId;
  const show = (objectTypeId: string, def: PropertyDef) => presentProperty(store.properties.present(objectTypeId, def));

  r.post('/:objectType/batch/create', (req, res) => {
    const objectTypeId = typeOf(req);
    const { inputs } = parseBody(createInputs, req.body);
    checkBatchSize(inputs);
    const startedAt = clock.now();
    const { results, errors } = createEach(
      inputs,
      (input) => show(objectTypeId, store.properties.create(objectTypeId, propertyFromCreate(input, clock.now()))),
      (input) => ({ name: [typeof input === 'object' && input !== null ? String((input as { name?: unknown }).name) : ''] }),
    );
    sendBatch(res, 201, results, errors, startedAt, clock.now());
  });

  r.post('/:objectType/batch/read', (req, res) => {
    const objectTypeId = typeOf(req);
    const { inputs, archived } = parseBody(nameInputs, req.body);
    const startedAt = clock.now();
    const pool = store.properties.list(objectTypeId, archived ?? false);
    const results = inputs.flatMap(({ name }) => pool.filter((p) => p.name === name)).map((p) => show(objectTypeId, p));
    const missing = inputs.map((i) => i.name).filter((n) => !pool.some((p) => p.name === n));
    const errors = missing.length > 0 ? [batchError('OBJECT_NOT_FOUND', `Unable to find properties: ${missing.join(', ')}`, { name: missing })] : [];
    sendBatch(res, 200, results, errors, startedAt, clock.now());
  });

  r.post('/:objectType/batch/archive', (req, res) => {
    const objectTypeId = typeOf(req);
    const { inputs } = parseBody(nameInputs, req.body);
    for (const { name } of inputs) if (store.properties.get(objectTypeId, name)) store.properties.archive(objectTypeId, name, clock.now());
    noContent(res);
  });

  r.get('/:objectType', (req, res) => {
    const objectTypeId = typeOf(req);
    const only = queryList(req, 'properties');
    const list = store.properties.list(objectTypeId, queryBool(req, 'archived')).filter((p) => !only || only.includes(p.name));
    res.json({ results: list.map((p) => show(objectTypeId, p)) });
  });

  r.post('/:objectType', (req, res) => {
    const objectTypeId = typeOf(req);
    const def = store.properties.create(objectTypeId, propertyFromCreate(req.body, clock.now()));
    res.status(201).json(show(objectTypeId, def));
  });

  r.get('/:objectType/:propertyName', (req, res) => {
    const objectTypeId = typeOf(req);
    res.json(show(objectTypeId, store.properties.require(objectTypeId, param(req, 'propertyName'))));
  });

  r.patch('/:objectType/:propertyName', (req, res) => {
    const objectTypeId = typeOf(req);
    const current = store.properties.require(objectTypeId, param(req, 'propertyName'));
    const updated = store.properties.replace(objectTypeId, applyPropertyUpdate(current, req.body, clock.now()));
    res.json(show(objectTypeId, updated));
  });

  r.delete('/:objectType/:propertyName', (req, res) => {
    store.properties.archive(typeOf(req), param(req, 'propertyName'), clock.now());
    noContent(res);
  });

  return r;
}
