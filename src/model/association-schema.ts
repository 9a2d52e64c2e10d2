import { z } from 'zod';
import { hubSpotName, text } from './schema-parts';
import { suggestName } from './names';

const labelSchema = z
  .strictObject({
    from: hubSpotName('object type'),
    to: hubSpotName('object type'),
    label: text,
    /** HubSpot's internal name for the label; derived from the label when absent. */
    name: hubSpotName('label name').optional(),
    inverseLabel: text.optional(),
  })
  .transform((l) => ({ ...l, name: l.name ?? suggestName(l.label) }));

export const associationsSchema = z.strictObject({ labels: z.array(labelSchema) });

export type AssociationLabelDef = z.infer<typeof labelSchema>;
