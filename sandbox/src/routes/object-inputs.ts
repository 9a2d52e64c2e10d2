import type { Request } from 'express';
import { z } from 'zod';
import { queryList } from '../http';
import type { ReadOptions } from '../presenters';
import { associationSpecs } from './associations';

/** Request shapes shared by the object routes. */

export const inlineAssociations = z.array(z.object({ to: z.object({ id: z.coerce.string() }), types: associationSpecs }));

export const propertiesInput = z.record(z.string(), z.unknown());

export const createInput = z.object({
  properties: propertiesInput.default({}),
  associations: inlineAssociations.optional(),
  objectWriteTraceId: z.string().optional(),
});

export const updateInput = z.object({ properties: propertiesInput.default({}), objectWriteTraceId: z.string().optional() });

/** `?properties=a&properties=b&propertiesWithHistory=c&associations=companies`. */
export function readOptionsFromQuery(req: Request): ReadOptions {
  const properties = queryList(req, 'properties');
  const propertiesWithHistory = queryList(req, 'propertiesWithHistory');
  const associations = queryList(req, 'associations');
  return {
    ...(properties ? { properties } : {}),
    ...(propertiesWithHistory ? { propertiesWithHistory } : {}),
    ...(associations ? { associations } : {}),
  };
}
