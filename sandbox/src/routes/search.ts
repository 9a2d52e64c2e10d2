import { Router } from 'express';
import type { RouteContext } from '../context';
import { param } from '../http';
import { presentRecord } from '../presenters';
import { parseSearchRequest } from '../search/request';
import { runSearch } from '../search/run';

/** POST /crm/v3/objects/{objectType}/search. The 5-per-second limit is enforced in faults.ts. */
export function searchRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store } = ctx;

  r.post('/:objectType/search', (req, res) => {
    const type = store.types.resolve(param(req, 'objectType'));
    const request = parseSearchRequest(req.body);
    const page = runSearch(store, type, request);
    // Search results always carry the create/modify dates and id besides what was asked.
    const properties =
      request.properties && request.properties.length > 0
        ? [...new Set([...request.properties, type.createdateProperty, type.lastModifiedProperty, 'hs_object_id'])]
        : undefined;
    res.json({
      total: page.total,
      results: page.records.map((record) => presentRecord(store, type, record, properties ? { properties } : {})),
      ...(page.nextAfter !== undefined ? { paging: { next: { after: page.nextAfter } } } : {}),
    });
  });

  return r;
}
