import { Router } from 'express';
import type { RouteContext } from '../context';
import { notFound, validationError } from '../errors';
import { param, queryBool, queryInt, queryString } from '../http';
import { presentOwner } from '../presenters';

/** /crm/v3/owners/ (the client calls it with a trailing slash) and /crm/v3/owners/{ownerId}. */
export function ownerRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store } = ctx;

  r.get('/', (req, res) => {
    const limit = queryInt(req, 'limit', 100);
    if (limit < 1 || limit > 500) throw validationError(`limit must be between 1 and 500, got ${limit}.`);
    const email = queryString(req, 'email')?.toLowerCase();
    const after = Number(queryString(req, 'after') ?? '0') || 0;
    const all = store.owners.list(queryBool(req, 'archived')).filter((o) => !email || o.email.toLowerCase() === email);
    const page = all.slice(after, after + limit);
    const more = after + limit < all.length;
    res.json({ results: page.map(presentOwner), ...(more ? { paging: { next: { after: String(after + limit) } } } : {}) });
  });

  r.get('/:ownerId', (req, res) => {
    const id = param(req, 'ownerId');
    const idProperty = queryString(req, 'idProperty') ?? 'id';
    const owner = idProperty === 'userId' ? store.owners.byUserId(Number(id)) : store.owners.get(id);
    if (!owner || owner.archived !== queryBool(req, 'archived')) throw notFound(`Owner ${id} not found.`);
    res.json(presentOwner(owner));
  });

  return r;
}
