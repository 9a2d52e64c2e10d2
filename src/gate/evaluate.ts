import { addButtonLabel } from './button-labels';
import { evaluateCommitmentRule } from './commitment-rule';
import { playbookUnitItems } from './playbook-rule';
import type { CrossCheckRule, GateContext, GateEvaluation, GateItem, LinkedRecord, LinkedRequirement, ResolvedGateRule } from './types';

type Kind = 'scope' | 'contract';

export const isFilled = (v: string | null | undefined): v is string => v !== null && v !== undefined && v.trim() !== '';

const sameValue = (actual: string | null | undefined, expected: string) => isFilled(actual) && actual.trim().toLowerCase() === expected.trim().toLowerCase();

function sameQuantity(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!isFilled(a) || !isFilled(b)) return false;
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x === y : a.trim() === b.trim();
}

const displayValue = (v: string) => (v === 'true' ? 'Yes' : v === 'false' ? 'No' : v);

function requirementScore(record: LinkedRecord, req: LinkedRequirement): number {
  return (
    req.requiredProperties.filter((p) => isFilled(record.properties[p])).length +
    Object.entries(req.requiredValues).filter(([p, v]) => sameValue(record.properties[p], v)).length
  );
}

/** The linked record that comes closest to the requirement; the checklist speaks about it. */
export function bestCandidate(records: LinkedRecord[], req: LinkedRequirement): LinkedRecord | undefined {
  let best: LinkedRecord | undefined;
  let bestScore = -1;
  for (const r of records) {
    const score = requirementScore(r, req);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

function recordName(rule: ResolvedGateRule, kind: Kind, record: LinkedRecord): string {
  const name = record.properties[rule.display[kind]];
  return isFilled(name) ? `${rule.nouns[kind]} “${name}”` : `${rule.nouns[kind]} ${record.id}`;
}

/** The one action that fixes every item of a record that does not exist yet. */
const addAction = (rule: ResolvedGateRule, kind: Kind) => ({
  key: `add.${kind}`,
  action: `Add a ${rule.nouns[kind]} to this deal (the “${addButtonLabel(rule.nouns[kind])}” button on the deal card).`,
});

function linkedItems(rule: ResolvedGateRule, kind: Kind, req: LinkedRequirement, records: LinkedRecord[]): GateItem[] {
  const noun = rule.nouns[kind];
  const best = bestCandidate(records, req);
  const where = best ? recordName(rule, kind, best) : undefined;
  const label = (p: string) => rule.labels[kind][p] ?? p;
  const add = addAction(rule, kind);
  const items: GateItem[] = [
    {
      key: `${kind}.count`,
      kind: 'linked_count',
      label: req.min === 1 ? `A ${noun} is linked to the deal` : `At least ${req.min} ${noun}s are linked to the deal`,
      passed: records.length >= req.min,
      fix: add.action,
      ...(records.length === 0 ? { group: add } : {}),
    },
  ];
  for (const p of req.requiredProperties) {
    items.push({
      key: `${kind}.${p}`,
      kind: 'linked_property',
      label: `${noun}: ${label(p)} filled in`,
      passed: !!best && isFilled(best.properties[p]),
      fix: where ? `Fill in ${label(p)} on the ${where}.` : `Add a ${noun}, then fill in its ${label(p)}.`,
      ...(where ? {} : { group: { ...add, need: label(p) } }),
    });
  }
  for (const [p, v] of Object.entries(req.requiredValues)) {
    const wanted = displayValue(v);
    items.push({
      key: `${kind}.${p}=${v}`,
      kind: 'linked_value',
      label: `${noun}: ${label(p)} is ${wanted}`,
      passed: !!best && sameValue(best.properties[p], v),
      fix: where
        ? `Set ${label(p)} to ${wanted} on the ${where} (ask delivery to review it).`
        : `Add a ${noun} and have delivery set ${label(p)} to ${wanted}.`,
      ...(where ? {} : { group: { ...add, need: `${label(p)} set to ${wanted} by delivery` } }),
    });
  }
  return items;
}

function crossCheckItem(rule: ResolvedGateRule, check: CrossCheckRule, ctx: GateContext): GateItem {
  const kind = check.on;
  const labels = rule.labels[kind];
  const record =
    kind === 'deal'
      ? ctx.deal
      : bestCandidate(
          kind === 'scope' ? ctx.scopes : ctx.contracts,
          (kind === 'scope' ? rule.scope : rule.contract) ?? { min: 1, requiredProperties: [], requiredValues: {} },
        );
  const [a, b] = check.equal;
  const la = labels[a] ?? a;
  const lb = labels[b] ?? b;
  const resolution = check.unlessFilled;
  const resolved = !!record && !!resolution && isFilled(record.properties[resolution]);
  const equal = !!record && sameQuantity(record.properties[a], record.properties[b]);
  const where = !record ? undefined : kind === 'deal' ? 'the deal' : `the ${recordName(rule, kind, record)}`;
  let fix: string;
  if (!where) fix = `Add a ${rule.nouns[kind as Kind]}, then make ${la} and ${lb} agree.`;
  else if (!isFilled(record!.properties[a]) || !isFilled(record!.properties[b])) fix = `Fill in both ${la} and ${lb} on ${where}.`;
  else
    fix = `${la} (${record!.properties[a]}) and ${lb} (${record!.properties[b]}) differ on ${where}: make them agree${resolution ? `, or record how it was settled with the buyer in ${labels[resolution] ?? resolution}` : ''}.`;
  const group = !where && kind !== 'deal' ? { group: { ...addAction(rule, kind), need: `${la} and ${lb} agreeing` } } : {};
  return { key: `check.${check.name}`, kind: 'cross_check', label: check.label, passed: equal || resolved, fix, ...group };
}

/**
 * Evaluates a deal against its gate rule. Pure: same rule, context and `now` give the same answer,
 * which is what lets the webhook path, the sweep and the deal card agree.
 */
export function evaluateGate(rule: ResolvedGateRule, ctx: GateContext, now: Date): GateEvaluation {
  const dealLabel = (p: string) => rule.labels.deal[p] ?? p;
  const items: GateItem[] = rule.deal.requiredProperties.map((p) => ({
    key: `deal.${p}`,
    kind: 'deal_property' as const,
    label: `Deal: ${dealLabel(p)} filled in`,
    passed: isFilled(ctx.deal.properties[p]),
    fix: `Fill in ${dealLabel(p)} on the deal (Delivery handoff section).`,
  }));
  if (rule.scope) items.push(...linkedItems(rule, 'scope', rule.scope, ctx.scopes));
  if (rule.contract) items.push(...linkedItems(rule, 'contract', rule.contract, ctx.contracts));
  for (const check of rule.crossChecks) items.push(crossCheckItem(rule, check, ctx));
  if (rule.commitments && rule.commitmentWords) items.push(...evaluateCommitmentRule(rule.commitments, ctx.commitments ?? [], rule.commitmentWords));
  items.push(...playbookUnitItems(rule.playbookUnits, rule.units, ctx, rule.unitLabels));

  const overrideSet = sameValue(ctx.deal.properties[rule.override.flag], 'true');
  const reason = ctx.deal.properties[rule.override.reason];
  if (overrideSet && !isFilled(reason)) {
    items.push({
      key: 'override.reason',
      kind: 'override_reason',
      label: 'An override has a reason',
      passed: false,
      fix: `Write why in ${dealLabel(rule.override.reason)}, or untick ${dealLabel(rule.override.flag)}.`,
    });
  }

  const passedCount = items.filter((i) => i.passed).length;
  const allPassed = passedCount === items.length;
  const overridden = overrideSet && isFilled(reason) && !allPassed;
  return {
    status: allPassed ? 'passed' : overridden ? 'overridden' : 'blocked',
    items,
    passedCount,
    total: items.length,
    ...(overrideSet && isFilled(reason) ? { override: { reason: reason.trim() } } : {}),
    evaluatedAt: now.toISOString(),
  };
}

/** The failing items, one fix each; what people read is grouped by action (missing-groups.ts). */
export function missingItems(evaluation: GateEvaluation): string[] {
  return evaluation.items.filter((i) => !i.passed).map((i) => i.fix);
}
