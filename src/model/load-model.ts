import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { associationsSchema } from './association-schema';
import { capacitySchema } from './capacity-schema';
import { checkRulePlaybookUnits } from './check-rule-playbook-units';
import { dealPropertiesSchema } from './deal-properties-schema';
import { deliveryHealthSchema } from './delivery-health-schema';
import { explainIssue, issueToProblems } from './describe-issue';
import { gateRulesSchema } from './gate-rules-schema';
import { insightsSchema } from './insights-schema';
import type { Model } from './model';
import { ModelError, type ModelProblem } from './model-error';
import type { ModelParts, Sourced } from './model-parts';
import { customObjectSchema } from './object-schema';
import { playbooksSchema } from './playbooks-schema';
import { readJsonFile } from './read-json';
import { renewalsSchema } from './renewals-schema';
import { validateAssociations } from './validate-associations';
import { validateCapacity } from './validate-capacity';
import { validateGateRules } from './validate-gate-rules';
import { validateInsights } from './validate-insights';
import { validateObjects } from './validate-objects';
import { validatePlaybooks } from './validate-playbooks';
import { validateWellKnown } from './validate-well-known';

/** How a file is named in messages: as the user would type it from the working directory. */
function displayPath(dir: string, rel: string): string {
  const full = join(dir, rel);
  if (!isAbsolute(dir)) return full;
  const fromCwd = relative(process.cwd(), full);
  return fromCwd.startsWith('..') ? full : fromCwd;
}

/**
 * Loads schemas/ (objects/*.json, deal-properties.json, associations.json, gate-rules.json,
 * renewals.json, delivery-health.json, insights.json, playbooks.json, capacity.json), validates each file and then the references between them.
 * Throws a ModelError listing every problem found; nothing talks to HubSpot before the model is sound.
 */
export function loadModel(dir = 'schemas'): Model {
  const problems: ModelProblem[] = [];

  function parse<S extends z.ZodType>(rel: string, schema: S): Sourced<z.output<S>> | undefined {
    const file = displayPath(dir, rel);
    const read = readJsonFile(resolve(dir, rel), file);
    if (!read.ok) {
      problems.push(read.problem);
      return undefined;
    }
    const result = schema.safeParse(read.value, { error: explainIssue });
    if (!result.success) {
      problems.push(...result.error.issues.flatMap((issue) => issueToProblems(file, issue)));
      return undefined;
    }
    return { file, value: result.data };
  }

  const objectsDir = resolve(dir, 'objects');
  const objectFiles = existsSync(objectsDir)
    ? readdirSync(objectsDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const objects = objectFiles.map((f) => parse(join('objects', f), customObjectSchema));
  const parts: ModelParts = {
    objectsDir: displayPath(dir, 'objects'),
    allObjectsParsed: objects.every((o) => o !== undefined),
    objects: objects.filter((o): o is NonNullable<typeof o> => o !== undefined),
    deals: parse('deal-properties.json', dealPropertiesSchema),
    associations: parse('associations.json', associationsSchema),
    gateRules: parse('gate-rules.json', gateRulesSchema),
    renewals: parse('renewals.json', renewalsSchema),
    deliveryHealth: parse('delivery-health.json', deliveryHealthSchema),
    insights: parse('insights.json', insightsSchema),
    playbooks: parse('playbooks.json', playbooksSchema),
    capacity: parse('capacity.json', capacitySchema),
  };
  problems.push(
    ...validateObjects(parts),
    ...validateAssociations(parts),
    ...validateGateRules(parts),
    ...validateWellKnown(parts),
    ...validateInsights(parts),
    ...validatePlaybooks(parts),
    ...validateCapacity(parts),
    ...(parts.gateRules && parts.playbooks
      ? checkRulePlaybookUnits(parts.gateRules.value.rules, parts.playbooks.value, parts.gateRules.file, parts.playbooks.file)
      : []),
  );

  if (
    problems.length > 0 ||
    !parts.deals ||
    !parts.associations ||
    !parts.gateRules ||
    !parts.renewals ||
    !parts.deliveryHealth ||
    !parts.insights ||
    !parts.playbooks ||
    !parts.capacity
  ) {
    throw new ModelError(problems);
  }
  return {
    objects: parts.objects.map((o) => o.value),
    deals: parts.deals.value,
    associations: parts.associations.value.labels,
    gateRules: parts.gateRules.value,
    renewals: parts.renewals.value,
    deliveryHealth: parts.deliveryHealth.value,
    insights: parts.insights.value,
    playbooks: parts.playbooks.value,
    capacity: parts.capacity.value,
    gateRulesFile: parts.gateRules.file,
    playbooksFile: parts.playbooks.file,
  };
}
