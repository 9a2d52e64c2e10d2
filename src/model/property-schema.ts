import { z } from 'zod';
import { FIELD_TYPES, FIELD_TYPES_BY_TYPE, PROPERTY_TYPES } from './property-types';
import { definedPropertyName, text } from './schema-parts';

const optionSchema = z.strictObject({
  label: text,
  value: z.string().min(1),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  description: z.string().optional(),
});

export const propertySchema = z
  .strictObject({
    name: definedPropertyName,
    label: text,
    type: z.enum(PROPERTY_TYPES, {
      error: (iss) => (iss.input === undefined ? undefined : `"${String(iss.input)}" is not a HubSpot property type — use one of ${PROPERTY_TYPES.join(', ')}`),
    }),
    fieldType: z.enum(FIELD_TYPES, {
      error: (iss) => (iss.input === undefined ? undefined : `"${String(iss.input)}" is not a HubSpot field type — use one of ${FIELD_TYPES.join(', ')}`),
    }),
    description: z.string().optional(),
    options: z.array(optionSchema).optional(),
    hasUniqueValue: z.boolean().optional(),
    formField: z.boolean().optional(),
  })
  .superRefine((p, ctx) => {
    const allowed = FIELD_TYPES_BY_TYPE[p.type];
    if (!allowed.includes(p.fieldType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fieldType'],
        message: `"${p.fieldType}" does not go with type ${p.type} — use ${allowed.join(' or ')}`,
      });
    }
    if (p.type === 'enumeration' && !p.options?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'an enumeration needs options — add [{ "label": "…", "value": "…" }, …]',
      });
    }
    const seen = new Set<string>();
    p.options?.forEach((o, i) => {
      if (seen.has(o.value)) {
        ctx.addIssue({ code: 'custom', path: ['options', i, 'value'], message: `option value "${o.value}" appears twice — option values must be unique` });
      }
      seen.add(o.value);
    });
  });

export type PropertyDef = z.infer<typeof propertySchema>;
export type PropertyOptionDef = z.infer<typeof optionSchema>;
