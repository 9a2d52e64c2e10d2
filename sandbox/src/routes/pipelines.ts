import { Router } from 'express';
import type { RouteContext } from '../context';
import { notFound } from '../errors';
import { param } from '../http';
import { presentPipeline } from '../presenters';

/** /crm/v3/pipelines/{objectType}[/{pipelineId}] — read-only; seeded (see store/pipelines.ts). */
export function pipelineRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store } = ctx;

  r.get('/:objectType', (req, res) => {
    const type = store.types.resolve(param(req, 'objectType'));
    res.json({ results: store.pipelines.list(type.objectTypeId).map(presentPipeline) });
  });

  r.get('/:objectType/:pipelineId', (req, res) => {
    const type = store.types.resolve(param(req, 'objectType'));
    const id = param(req, 'pipelineId');
    const pipeline = store.pipelines.get(type.objectTypeId, id);
    if (!pipeline) throw notFound(`Unable to find pipeline ${id} for ${type.plural}.`);
    res.json(presentPipeline(pipeline));
  });

  return r;
}
