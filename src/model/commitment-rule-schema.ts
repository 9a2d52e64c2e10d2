import { z } from 'zod';
import { propertyRef } from './schema-parts';

/**
 * A gate rule's `commitments` piece (gate-rules-schema.ts takes it as an optional key of a rule):
 * every promise on the deal says whether it is inside the signed scope, and one outside it carries
 * one of `outsideScopeDecisions` (values of the Commitment's commitment_scope_decision).
 */
export const commitmentRequirementSchema = z.strictObject({
  /** Properties every promise must have filled in, e.g. how it was made and to whom. */
  requiredProperties: z.array(propertyRef).default([]),
  outsideScopeDecisions: z
    .array(z.string().min(1))
    .min(1)
    .refine((v) => new Set(v).size === v.length, { error: 'lists a decision twice — each once' })
    .default(['priced', 'accepted', 'declined']),
});

export type CommitmentRequirement = z.infer<typeof commitmentRequirementSchema>;
