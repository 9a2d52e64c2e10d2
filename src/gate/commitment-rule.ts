import { objectByRole, type Model } from '../model';
import type { CommitmentRequirement } from '../model/commitment-rule-schema';
import { COMMITMENT_PROPERTIES as P } from '../model/commitment-properties';
import type { CommitmentRuleWords, GateItem, LinkedRecord } from './types';

export type { CommitmentRuleWords };

/** The deal card's "Add a promise" button, named once like button-labels.ts does for the others. */
export const addCommitmentButtonLabel = (noun: string): string => `Add a ${noun.toLowerCase()}`;

export function commitmentRuleWords(model: Pick<Model, 'objects'>): CommitmentRuleWords {
  const def = objectByRole(model, 'commitment');
  const decision = def.properties.find((p) => p.name === P.scopeDecision);
  return {
    noun: def.labels.singular,
    labels: Object.fromEntries(def.properties.map((p) => [p.name, p.label])),
    decisionLabels: Object.fromEntries((decision?.options ?? []).map((o) => [o.value, o.label])),
    addLabel: addCommitmentButtonLabel(def.labels.singular),
  };
}

/** The commitment properties the rule reads, for the gate's batch read. */
export const commitmentReadProperties = (req: CommitmentRequirement): string[] => [
  ...new Set([P.title, P.inSignedScope, P.scopeDecision, ...req.requiredProperties]),
];

const filled = (v: string | null | undefined) => v !== null && v !== undefined && v.trim() !== '';
const lower = (v: string | null | undefined) => (v ?? '').trim().toLowerCase();

function orList(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/**
 * The gate's items for the promises on a deal, item by item like the others: each promise says
 * whether it is in the signed scope; one outside it is priced, accepted by delivery or declined
 * (the rule's decisions); required properties are filled in. A deal without promises adds no item.
 * Items of one promise share a group: fixing them is one edit of that promise.
 */
export function evaluateCommitmentRule(req: CommitmentRequirement, commitments: readonly LinkedRecord[], words: CommitmentRuleWords): GateItem[] {
  const label = (p: string) => words.labels[p] ?? p;
  const decisions = orList(req.outsideScopeDecisions.map((d) => (words.decisionLabels[d] ?? d).toLowerCase()));
  return commitments.flatMap((c) => {
    const title = c.properties[P.title];
    const name = filled(title) ? `${words.noun} “${title!.trim()}”` : `${words.noun} ${c.id}`;
    const group = (need: string) => ({ group: { key: `commitment.${c.id}`, action: `Update the ${name} on the deal.`, need } });
    const items: GateItem[] = [];
    const inScope = lower(c.properties[P.inSignedScope]);
    if (inScope !== 'true' && inScope !== 'false') {
      items.push({
        key: `commitment.${c.id}.${P.inSignedScope}`,
        kind: 'linked_property',
        label: `${name}: ${label(P.inSignedScope)} answered`,
        passed: false,
        fix: `Say on the ${name} whether it is in the signed scope (${label(P.inSignedScope)}).`,
        ...group(`${label(P.inSignedScope)} answered`),
      });
    } else if (inScope === 'false') {
      const decided = req.outsideScopeDecisions.includes(lower(c.properties[P.scopeDecision]));
      items.push({
        key: `commitment.${c.id}.${P.scopeDecision}`,
        kind: 'linked_value',
        label: `${name} (outside the signed scope): ${decisions}`,
        passed: decided,
        fix: `The ${name} is outside the signed scope: set ${label(P.scopeDecision)} to ${decisions} before closing.`,
        ...(decided ? {} : group(`${label(P.scopeDecision)}: ${decisions}`)),
      });
    }
    for (const p of req.requiredProperties) {
      const ok = filled(c.properties[p]);
      items.push({
        key: `commitment.${c.id}.${p}`,
        kind: 'linked_property',
        label: `${name}: ${label(p)} filled in`,
        passed: ok,
        fix: `Fill in ${label(p)} on the ${name}.`,
        ...(ok ? {} : group(`${label(p)} filled in`)),
      });
    }
    return items;
  });
}
