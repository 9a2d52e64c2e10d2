import { z } from 'zod';
import { commitmentRequirementSchema } from './commitment-rule-schema';
import { ruleModeField } from '../gate/rule-mode';
import { playbookUnitsField } from './playbook-units-field';
import { isoDatetime, propertyRef, text } from './schema-parts';

const linkedRequirement = z.strictObject({
  min: z.number().int().min(0),
  requiredProperties: z.array(propertyRef).default([]),
  /** Property → the value it must hold (as HubSpot stores it: "true", an option value, …). */
  requiredValues: z.record(propertyRef, z.string()).default({}),
});

const crossCheckSchema = z.strictObject({
  name: propertyRef,
  label: text,
  on: z.enum(['scope', 'contract', 'deal']),
  equal: z.tuple([propertyRef, propertyRef]),
  unlessFilled: propertyRef.optional(),
});

const ruleSchema = z.strictObject({
  /** A pipeline id, or `*` for every pipeline. */
  pipeline: z.string().min(1),
  /** A stage id, or `closed_won` for the pipeline's closed-won stage (from pipeline metadata). */
  stage: z.string().min(1),
  deal: z.strictObject({ requiredProperties: z.array(propertyRef).default([]) }).default({ requiredProperties: [] }),
  scope: linkedRequirement.optional(),
  contract: linkedRequirement.optional(),
  crossChecks: z.array(crossCheckSchema).default([]),
  commitments: commitmentRequirementSchema.optional(),
  /** Overrides the file-level enforcedSince for this rule. */
  enforcedSince: isoDatetime.optional(),
  mode: ruleModeField,
  playbookUnits: playbookUnitsField,
});

export const gateRulesSchema = z.strictObject({
  enforcedSince: isoDatetime,
  override: z.strictObject({ flag: propertyRef, reason: propertyRef }),
  rules: z.array(ruleSchema).min(1),
});

export type GateRules = z.infer<typeof gateRulesSchema>;
export type GateRule = z.infer<typeof ruleSchema>;
export type CrossCheck = z.infer<typeof crossCheckSchema>;
export type LinkedRequirement = z.infer<typeof linkedRequirement>;
