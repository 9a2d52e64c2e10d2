import { Router, type Request } from 'express';
import { httpWrite, type RouteContext } from '../context';
import { objectNotFound, validationError } from '../errors';
import { noContent, param, parseBody, queryBool, queryInt, queryString } from '../http';
import { presentRecord } from '../presenters';
import { createInput, readOptionsFromQuery, updateInput } from './object-inputs';

/** /crm/v3/objects/{objectType}[/{objectId}] — one record at a time (batch and search are separate). */
export function objectRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store } = ctx;
  const typeOf = (req: Request) => store.types.resolve(param(req, 'objectType'));

  r.get('/:objectType', (req, res) => {
    const type = typeOf(req);
    const limit = queryInt(req, 'limit', 10);
    if (limit < 1 || limit > 100) throw validationError(`limit must be between 1 and 100, got ${limit}.`);
    const after = Number(queryString(req, 'after') ?? '0') || 0;
    const all = store.records.list(type.objectTypeId, queryBool(req, 'archived')).filter((rec) => Number(rec.id) >= after);
    const page = all.slice(0, limit);
    const next = all[limit];
    const opts = readOptionsFromQuery(req);
    res.json({
      results: page.map((rec) => presentRecord(store, type, rec, opts)),
      ...(next ? { paging: { next: { after: next.id, link: `?after=${next.id}` } } } : {}),
    });
  });

  r.get('/:objectType/:objectId', (req, res) => {
    const type = typeOf(req);
    const id = param(req, 'objectId');
    const idProperty = queryString(req, 'idProperty');
    const archived = queryBool(req, 'archived');
    const record = archived && !idProperty ? store.records.get(type.objectTypeId, id, true) : store.objects.find(type, id, idProperty);
    if (!record || record.archived !== archived) throw objectNotFound();
    res.json(presentRecord(store, type, record, readOptionsFromQuery(req)));
  });

  r.post('/:objectType', (req, res) => {
    const type = typeOf(req);
    const input = parseBody(createInput, req.body);
    const record = store.objects.create(type, input.properties, input.associations ?? [], httpWrite(ctx, res));
    res.status(201).json(presentRecord(store, type, record, { allProperties: true }));
  });

  r.patch('/:objectType/:objectId', (req, res) => {
    const type = typeOf(req);
    const record = store.objects.find(type, param(req, 'objectId'), queryString(req, 'idProperty'));
    if (!record) throw objectNotFound();
    const input = parseBody(updateInput, req.body);
    store.objects.update(type, record, input.properties, httpWrite(ctx, res));
    res.json(presentRecord(store, type, record, { allProperties: true }));
  });

  // HubSpot answers 204 whether or not the record existed.
  r.delete('/:objectType/:objectId', (req, res) => {
    const type = typeOf(req);
    const record = store.records.get(type.objectTypeId, param(req, 'objectId'));
    if (record) store.objects.archive(type, record, httpWrite(ctx, res));
    noContent(res);
  });

  return r;
}
