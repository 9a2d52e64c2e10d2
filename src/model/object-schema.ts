import { z } from 'zod';
import { ASSOCIATED_OBJECTS, DEFAULT_CUSTOM_OBJECT_PROPERTIES, RESERVED_OBJECT_NAMES } from './names';
import { propertySchema } from './property-schema';
import { hubSpotName, propertyRef, text } from './schema-parts';

export const OBJECT_ROLES = ['scope', 'contract', 'customer_status', 'change_order', 'commitment'] as const;
export type ObjectRole = (typeof OBJECT_ROLES)[number];

const objectName = hubSpotName('object name').refine((n) => !RESERVED_OBJECT_NAMES.has(n), {
  error: (iss) => `"${String(iss.input)}" collides with a HubSpot native object — choose a distinct name such as "custom_${String(iss.input)}"`,
});

export const customObjectSchema = z
  .strictObject({
    role: z.enum(OBJECT_ROLES, {
      error: (iss) => (iss.input === undefined ? undefined : `"${String(iss.input)}" is not a role — use one of ${OBJECT_ROLES.join(', ')}`),
    }),
    name: objectName,
    labels: z.strictObject({ singular: text, plural: text }),
    description: z.string().optional(),
    primaryDisplayProperty: propertyRef,
    secondaryDisplayProperties: z.array(propertyRef).default([]),
    searchableProperties: z.array(propertyRef).default([]),
    requiredProperties: z.array(propertyRef).default([]),
    associatedObjects: z
      .array(
        z.enum(ASSOCIATED_OBJECTS, {
          error: (iss) => `"${String(iss.input)}" cannot be associated here — use one of ${ASSOCIATED_OBJECTS.join(', ')}`,
        }),
      )
      .default([]),
    properties: z.array(propertySchema).min(1),
  })
  .superRefine((o, ctx) => {
    const names = new Set<string>();
    o.properties.forEach((p, i) => {
      if (names.has(p.name)) {
        ctx.addIssue({ code: 'custom', path: ['properties', i, 'name'], message: `property "${p.name}" is defined twice` });
      }
      names.add(p.name);
    });
    const known = (n: string) => names.has(n) || DEFAULT_CUSTOM_OBJECT_PROPERTIES.has(n);
    const check = (n: string, path: (string | number)[]) => {
      if (!known(n)) {
        ctx.addIssue({ code: 'custom', path, message: `"${n}" is not a property of ${o.name} — define it under properties or fix the name` });
      }
    };
    check(o.primaryDisplayProperty, ['primaryDisplayProperty']);
    for (const key of ['secondaryDisplayProperties', 'searchableProperties', 'requiredProperties'] as const) {
      o[key].forEach((n, i) => check(n, [key, i]));
    }
  });

export type CustomObjectDef = z.infer<typeof customObjectSchema>;
