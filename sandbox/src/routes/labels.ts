import { Router, type Request } from 'express';
import { z } from 'zod';
import type { RouteContext } from '../context';
import { conflict, notFound, validationError } from '../errors';
import { noContent, param, parseBody } from '../http';
import { presentLabel } from '../presenters';

/** /crm/v4/associations/{from}/{to}/labels — association definitions (type ids and labels). */

const createInput = z.object({ label: z.string().min(1), name: z.string().min(1), inverseLabel: z.string().min(1).optional() });
const updateInput = z.object({ associationTypeId: z.number().int(), label: z.string().min(1), inverseLabel: z.string().min(1).optional() });

export function labelRoutes(ctx: RouteContext): Router {
  const r = Router({ mergeParams: true });
  const { store, clock } = ctx;
  const pairOf = (req: Request) => ({
    from: store.types.resolve(param(req, 'fromObjectType')),
    to: store.types.resolve(param(req, 'toObjectType')),
  });

  r.get('/', (req, res) => {
    const { from, to } = pairOf(req);
    res.json({ results: store.associations.typesBetween(from.objectTypeId, to.objectTypeId).map(presentLabel) });
  });

  // HubSpot answers 200 (not 201) with the new type ids: this direction first, then the inverse.
  r.post('/', (req, res) => {
    const { from, to } = pairOf(req);
    const input = parseBody(createInput, req.body);
    const existing = store.associations.typesBetween(from.objectTypeId, to.objectTypeId);
    if (existing.some((t) => t.category === 'USER_DEFINED' && (t.name === input.name || t.label === input.label))) {
      throw conflict(`An association label named ${input.name} (${input.label}) already exists between ${from.name} and ${to.name}.`);
    }
    const [forward, inverse] = store.associations.definePair({
      from: from.objectTypeId,
      to: to.objectTypeId,
      category: 'USER_DEFINED',
      label: input.label,
      inverseLabel: input.inverseLabel ?? input.label,
      name: input.name,
      inverseName: input.inverseLabel ? `${input.name}_inverse` : input.name,
      now: clock.now(),
    });
    res.status(200).json({ results: [presentLabel(forward), presentLabel(inverse)] });
  });

  r.put('/', (req, res) => {
    const { from, to } = pairOf(req);
    const input = parseBody(updateInput, req.body);
    const type = store.associations.type(input.associationTypeId);
    if (!type || type.fromObjectTypeId !== from.objectTypeId || type.toObjectTypeId !== to.objectTypeId) {
      throw notFound(`Association type ${input.associationTypeId} does not exist from ${from.name} to ${to.name}.`);
    }
    store.associations.relabel(type.typeId, input.label, input.inverseLabel, clock.now());
    noContent(res);
  });

  r.delete('/:associationTypeId', (req, res) => {
    const { from, to } = pairOf(req);
    const typeId = Number(param(req, 'associationTypeId'));
    const type = store.associations.type(typeId);
    if (!type || type.fromObjectTypeId !== from.objectTypeId || type.toObjectTypeId !== to.objectTypeId) {
      throw notFound(`Association type ${typeId} does not exist from ${from.name} to ${to.name}.`);
    }
    if (type.category !== 'USER_DEFINED') throw validationError(`Association type ${typeId} is ${type.category}; only USER_DEFINED labels can be deleted.`);
    store.associations.removeType(typeId);
    noContent(res);
  });

  return r;
}
