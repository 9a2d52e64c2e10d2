import { z } from 'zod';
import { propertySchema } from './property-schema';
import { hubSpotName, text } from './schema-parts';

export const propertyGroupSchema = z.strictObject({
  name: hubSpotName('group name'),
  label: text,
  displayOrder: z.number().int().optional(),
  properties: z.array(propertySchema).min(1),
});

export const dealPropertiesSchema = z
  .strictObject({
    objectType: z.literal('deals', { error: (iss) => (iss.input === undefined ? undefined : 'must be "deals"') }),
    groups: z.array(propertyGroupSchema).min(1),
  })
  .superRefine((d, ctx) => {
    const groups = new Set<string>();
    const props = new Set<string>();
    d.groups.forEach((g, gi) => {
      if (groups.has(g.name)) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'name'], message: `group "${g.name}" is defined twice` });
      groups.add(g.name);
      g.properties.forEach((p, pi) => {
        if (props.has(p.name)) {
          ctx.addIssue({ code: 'custom', path: ['groups', gi, 'properties', pi, 'name'], message: `deal property "${p.name}" is defined twice` });
        }
        props.add(p.name);
      });
    });
  });

export type PropertyGroupDef = z.infer<typeof propertyGroupSchema>;
export type DealPropertiesDef = z.infer<typeof dealPropertiesSchema>;
