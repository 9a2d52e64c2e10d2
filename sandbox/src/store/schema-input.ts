import { z } from 'zod';

/** Request bodies of the schemas API (field names per the client's ObjectSchemaEgg & co). */

export const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/i;

export const DEFAULT_FIELD_TYPE: Record<string, string> = {
  string: 'text',
  number: 'number',
  date: 'date',
  datetime: 'date',
  enumeration: 'select',
  bool: 'booleancheckbox',
};

const labels = z.object({ singular: z.string().min(1), plural: z.string().min(1) });

export const schemaCreateInput = z.object({
  name: z.string(),
  labels,
  description: z.string().optional(),
  requiredProperties: z.array(z.string()).optional(),
  searchableProperties: z.array(z.string()).optional(),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  properties: z.array(z.record(z.string(), z.unknown())).default([]),
  associatedObjects: z.array(z.string()).optional(),
});

export const schemaPatchInput = z.object({
  labels: labels.partial().optional(),
  description: z.string().optional(),
  clearDescription: z.boolean().optional(),
  requiredProperties: z.array(z.string()).optional(),
  searchableProperties: z.array(z.string()).optional(),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  restorable: z.boolean().optional(),
});

export const associationDefinitionInput = z.object({
  fromObjectTypeId: z.string(),
  toObjectTypeId: z.string(),
  name: z.string().optional(),
});
