import { Router } from 'express';
import type { RouteContext } from '../context';
import { noContent, param } from '../http';
import { presentObjectTypeDefinition, presentSchema, presentSchemaAssociation } from '../presenters';

/** /crm-object-schemas/v3/schemas — custom object schemas. */
export function schemaRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store, clock } = ctx;

  r.get('/', (_req, res) => {
    res.json({ results: store.schemas.list().map((s) => presentSchema(store, s)) });
  });

  r.post('/', (req, res) => {
    const schema = store.schemas.create(req.body, clock.now());
    res.status(201).json(presentSchema(store, schema));
  });

  r.get('/:objectType', (req, res) => {
    res.json(presentSchema(store, store.schemas.require(param(req, 'objectType'))));
  });

  r.patch('/:objectType', (req, res) => {
    const schema = store.schemas.update(param(req, 'objectType'), req.body, clock.now());
    res.json(presentObjectTypeDefinition(schema, store.portalId));
  });

  r.delete('/:objectType', (req, res) => {
    store.schemas.remove(param(req, 'objectType'));
    noContent(res);
  });

  r.post('/:objectType/associations', (req, res) => {
    const def = store.schemas.createAssociation(param(req, 'objectType'), req.body, clock.now());
    res.status(201).json(presentSchemaAssociation(def));
  });

  r.delete('/:objectType/associations/:associationIdentifier', (req, res) => {
    store.schemas.removeAssociation(param(req, 'objectType'), param(req, 'associationIdentifier'));
    noContent(res);
  });

  return r;
}
