import { z } from 'zod';
import { hubSpotName, isoDatetime, propertyRef, text } from './schema-parts';

export const UNIT_OWNERS = ['deal_owner', 'delivery_lead'] as const;
export type UnitOwner = (typeof UNIT_OWNERS)[number];

/** Objects a linked_record deliverable can name, by role (the ones linked to deals). */
export const DELIVERABLE_OBJECTS = ['scope', 'contract'] as const;

const values = z.array(z.string().min(1)).min(1);

const propertyDeliverable = <K extends string>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    property: propertyRef,
    /** Done when the property holds one of these (as HubSpot stores them); left out, when it is filled in. */
    values: values.optional(),
  });

export const deliverableSchema = z.discriminatedUnion(
  'kind',
  [
    propertyDeliverable('deal_property'),
    propertyDeliverable('scope_property'),
    z.strictObject({
      kind: z.literal('linked_record'),
      object: z.enum(DELIVERABLE_OBJECTS),
      /** The record counts once these are filled in and these hold their values. */
      requiredProperties: z.array(propertyRef).default([]),
      requiredValues: z.record(propertyRef, z.string()).default({}),
    }),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? 'needs a "kind": deal_property, scope_property or linked_record' : undefined) },
);

const unitSchema = z.strictObject({
  /** Part of the unit's key (playbook:<deal>:<stage>:<unit>): never rename one that is in use. */
  id: hubSpotName('unit id'),
  title: text,
  owner: z.enum(UNIT_OWNERS),
  /** Days after the deal entered the stage (portal time zone) the task falls due. */
  dueDays: z.number().int().min(0).max(365),
  deliverable: deliverableSchema,
  /** What to do, for the task and the card; left out, it is said from the deliverable. */
  howToFinish: text.optional(),
});

const playbookSchema = z.strictObject({
  /** A pipeline id, or `*` for every pipeline. */
  pipeline: z.string().min(1),
  /** A stage id, or `closed_won` for the pipeline's closed-won stage (resolved like gate rules). */
  stage: z.string().min(1),
  units: z.array(z.string().min(1)).min(1),
});

export const playbooksSchema = z
  .strictObject({
    description: z.string().optional(),
    /** Deals that entered a stage before this get no units for it (switching playbooks on does not flood old deals with tasks). */
    since: isoDatetime.optional(),
    deliveryLead: z
      .strictObject({
        description: z.string().optional(),
        /** A company property holding a HubSpot owner id (the company's delivery owner). */
        companyProperty: propertyRef.nullable().default(null),
        ownerId: z.string().regex(/^\d+$/, 'an owner id is digits — find it under Settings › Users, or in GET /crm/v3/owners/').nullable().default(null),
      })
      .default({ companyProperty: null, ownerId: null }),
    units: z.array(unitSchema),
    playbooks: z.array(playbookSchema),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.units.forEach((u, i) => {
      if (ids.has(u.id)) ctx.addIssue({ code: 'custom', path: ['units', i, 'id'], message: `unit "${u.id}" is defined twice — give each unit its own id` });
      ids.add(u.id);
    });
    const selectors = new Set<string>();
    file.playbooks.forEach((p, i) => {
      const selector = `${p.pipeline} ${p.stage}`;
      if (selectors.has(selector)) {
        ctx.addIssue({
          code: 'custom',
          path: ['playbooks', i],
          message: `a second playbook for pipeline ${p.pipeline}, stage ${p.stage} — merge their units into one`,
        });
      }
      selectors.add(selector);
      p.units.forEach((u, n) => {
        if (!ids.has(u))
          ctx.addIssue({
            code: 'custom',
            path: ['playbooks', i, 'units', n],
            message: `"${u}" is not a unit — define it under units or use one of ${[...ids].join(', ') || '(none)'}`,
          });
        if (p.units.indexOf(u) !== n) ctx.addIssue({ code: 'custom', path: ['playbooks', i, 'units', n], message: `"${u}" is listed twice in this playbook` });
      });
    });
  });

export type Playbooks = z.infer<typeof playbooksSchema>;
export type PlaybookDef = z.infer<typeof playbookSchema>;
export type UnitDef = z.infer<typeof unitSchema>;
export type Deliverable = z.infer<typeof deliverableSchema>;
