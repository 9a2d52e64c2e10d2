import { Router } from 'express';
import { z } from 'zod';
import type { RouteContext } from '../context';
import { notFound, validationError } from '../errors';
import { noContent, param, parseBody } from '../http';
import { presentGroup } from '../presenters';

/** /crm/v3/properties/{objectType}/groups — property groups. Mounted before the property routes. */

const GROUP_NAME = /^[a-z][a-z0-9_]*$/;
const createInput = z.object({ name: z.string(), label: z.string(), displayOrder: z.number().optional() });
const updateInput = z.object({ label: z.string().optional(), displayOrder: z.number().optional() });

export function propertyGroupRoutes(ctx: RouteContext): Router {
  const r = Router();
  const { store } = ctx;
  const typeOf = (raw: string) => store.types.resolve(raw).objectTypeId;

  r.get('/:objectType/groups', (req, res) => {
    res.json({ results: store.properties.listGroups(typeOf(param(req, 'objectType'))).map(presentGroup) });
  });

  r.post('/:objectType/groups', (req, res) => {
    const objectTypeId = typeOf(param(req, 'objectType'));
    const input = parseBody(createInput, req.body);
    if (!GROUP_NAME.test(input.name)) throw validationError(`Group name "${input.name}" is invalid: lowercase letters, digits and _ , starting with a letter.`);
    const group = store.properties.createGroup(objectTypeId, { name: input.name, label: input.label, displayOrder: input.displayOrder ?? -1, archived: false });
    res.status(201).json(presentGroup(group));
  });

  r.get('/:objectType/groups/:groupName', (req, res) => {
    const objectTypeId = typeOf(param(req, 'objectType'));
    const name = param(req, 'groupName');
    const group = store.properties.getGroup(objectTypeId, name);
    if (!group) throw notFound(`Property group ${name} does not exist.`);
    res.json(presentGroup(group));
  });

  r.patch('/:objectType/groups/:groupName', (req, res) => {
    const objectTypeId = typeOf(param(req, 'objectType'));
    const patch = parseBody(updateInput, req.body);
    res.json(presentGroup(store.properties.updateGroup(objectTypeId, param(req, 'groupName'), patch)));
  });

  r.delete('/:objectType/groups/:groupName', (req, res) => {
    store.properties.archiveGroup(typeOf(param(req, 'objectType')), param(req, 'groupName'));
    noContent(res);
  });

  return r;
}
