import { Router, type Request } from 'express';
import { z } from 'zod';
import type { RouteContext } from '../context';
import { objectNotFound } from '../errors';
import { noContent, param, parseBody, queryInt, queryString } from '../http';
import { presentAssociationTypes, presentLabelsBetween } from '../presenters';
import { iso } from '../clock';

/** /crm/v4/objects/{objectType}/{objectId}/associations/… — associations of one record. */

export const associationSpecs = z.array(z.object({ associationCategory: z.string(), associationTypeId: z.coerce.number().int() }));

export function associationRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store, clock } = ctx;

  const recordOf = (req: Request, typeParam: string, idParam: string) => {
    const type = store.types.resolve(param(req, typeParam));
    const id = param(req, idParam);
    if (!store.records.get(type.objectTypeId, id)) throw objectNotFound();
    return { type, id };
  };

  r.put('/:objectType/:objectId/associations/default/:toObjectType/:toObjectId', (req, res) => {
    const from = recordOf(req, 'objectType', 'objectId');
    const to = recordOf(req, 'toObjectType', 'toObjectId');
    const forward = store.associations.defaultType(from.type.objectTypeId, to.type.objectTypeId);
    if (!forward) throw objectNotFound(`No default association between ${from.type.name} and ${to.type.name}.`);
    const startedAt = clock.now();
    store.associations.associate(from.type.objectTypeId, from.id, to.type.objectTypeId, to.id, [forward.typeId]);
    const spec = (typeId: number) => ({ associationCategory: forward.category, associationTypeId: typeId });
    res.status(200).json({
      status: 'COMPLETE',
      results: [
        { from: { id: from.id }, to: { id: to.id }, associationSpec: spec(forward.typeId) },
        { from: { id: to.id }, to: { id: from.id }, associationSpec: spec(forward.inverseTypeId) },
      ],
      startedAt: iso(startedAt),
      completedAt: iso(clock.now()),
    });
  });

  r.put('/:objectType/:objectId/associations/:toObjectType/:toObjectId', (req, res) => {
    const from = recordOf(req, 'objectType', 'objectId');
    const to = recordOf(req, 'toObjectType', 'toObjectId');
    const specs = parseBody(associationSpecs, req.body);
    const { typeIds } = store.objects.resolveSpecs(from.type, specs, to.type.objectTypeId);
    store.associations.associate(from.type.objectTypeId, from.id, to.type.objectTypeId, to.id, typeIds);
    res.status(201).json(presentLabelsBetween(store, from.type.objectTypeId, from.id, to.type.objectTypeId, to.id));
  });

  r.delete('/:objectType/:objectId/associations/:toObjectType/:toObjectId', (req, res) => {
    const from = store.types.resolve(param(req, 'objectType'));
    const to = store.types.resolve(param(req, 'toObjectType'));
    store.associations.disassociate(from.objectTypeId, param(req, 'objectId'), to.objectTypeId, param(req, 'toObjectId'));
    noContent(res);
  });

  r.get('/:objectType/:objectId/associations/:toObjectType', (req, res) => {
    const from = recordOf(req, 'objectType', 'objectId');
    const to = store.types.resolve(param(req, 'toObjectType'));
    const limit = Math.min(Math.max(queryInt(req, 'limit', 500), 1), 500);
    const offset = Number(queryString(req, 'after') ?? '0') || 0;
    const all = store.associations.associated(from.type.objectTypeId, from.id, to.objectTypeId);
    const page = all
      .slice(offset, offset + limit)
      .map((a) => ({ toObjectId: Number(a.toObjectId), associationTypes: presentAssociationTypes(store, a.typeIds) }));
    const next = offset + limit < all.length ? { paging: { next: { after: String(offset + limit) } } } : {};
    res.json({ results: page, ...next });
  });

  return r;
}
