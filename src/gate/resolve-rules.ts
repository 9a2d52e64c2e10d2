import { dealProperties, objectByRole, type Model } from '../model';
import { CONTRACT_PROPERTIES, GATE_PROPERTIES, SCOPE_PROPERTIES } from '../model/well-known-properties';
import { commitmentReadProperties, commitmentRuleWords } from './commitment-rule';
import { presaleLabels } from '../presale/presale-labels';
import { presaleTriggers } from '../presale/presale-triggers';
import type { GateReadPlan } from './load-context';
import type { ResolvedGateRule } from './types';

const labelsOf = (props: Array<{ name: string; label: string }>) => Object.fromEntries(props.map((p) => [p.name, p.label]));

/** HubSpot's own deal properties a rule may name, with the labels HubSpot shows. */
const NATIVE_DEAL_LABELS: Record<string, string> = {
  dealname: 'Deal name',
  amount: 'Amount',
  closedate: 'Close date',
  hubspot_owner_id: 'Deal owner',
  dealtype: 'Deal type',
  description: 'Deal description',
};

/** Gate rules from schemas/ with the labels and nouns they speak in. */
export function resolveGateRules(model: Model): ResolvedGateRule[] {
  const scope = objectByRole(model, 'scope');
  const contract = objectByRole(model, 'contract');
  const labels = {
    deal: { ...NATIVE_DEAL_LABELS, ...labelsOf(dealProperties(model)) },
    scope: labelsOf(scope.properties),
    contract: labelsOf(contract.properties),
  };
  const { gateRules } = model;
  const unitLabels = presaleLabels(model);
  return gateRules.rules.map((r) => ({
    pipeline: r.pipeline,
    stage: r.stage,
    enforcedSince: r.enforcedSince ?? gateRules.enforcedSince,
    deal: { requiredProperties: r.deal.requiredProperties },
    ...(r.scope ? { scope: r.scope } : {}),
    ...(r.contract ? { contract: r.contract } : {}),
    crossChecks: r.crossChecks.map((c) => ({ ...c, equal: [c.equal[0], c.equal[1]] as [string, string] })),
    ...(r.commitments ? { commitments: r.commitments, commitmentWords: commitmentRuleWords(model) } : {}),
    override: gateRules.override,
    labels,
    nouns: { scope: scope.labels.singular, contract: contract.labels.singular },
    display: { scope: scope.primaryDisplayProperty, contract: contract.primaryDisplayProperty },
    ...(r.mode ? { mode: r.mode } : {}),
    playbookUnits: r.playbookUnits,
    units: model.playbooks.units,
    unitLabels,
  }));
}

const union = (...lists: Array<readonly string[] | undefined>) => [...new Set(lists.flatMap((l) => l ?? []))];

/** Exactly the properties the gate reads, so a batch read asks for no more than it needs. */
export function gateReadPlan(rules: ResolvedGateRule[]): GateReadPlan {
  const on = (kind: 'deal' | 'scope' | 'contract') =>
    rules.flatMap((r) => r.crossChecks.filter((c) => c.on === kind).flatMap((c) => [...c.equal, ...(c.unlessFilled ? [c.unlessFilled] : [])]));
  const linked = (kind: 'scope' | 'contract') =>
    rules.flatMap((r) => [...(r[kind]?.requiredProperties ?? []), ...Object.keys(r[kind]?.requiredValues ?? {}), r.display[kind]]);
  const units = presaleTriggers({ units: rules.flatMap((r) => r.units.filter((u) => r.playbookUnits.includes(u.id))) });
  return {
    dealProperties: union(
      ['dealname', 'dealstage', 'pipeline', 'hubspot_owner_id', 'createdate'],
      Object.values(GATE_PROPERTIES),
      rules.flatMap((r) => [r.override.flag, r.override.reason, ...r.deal.requiredProperties]),
      on('deal'),
      units.deal,
    ),
    dealHistory: union(
      ['dealstage'],
      rules.map((r) => r.override.flag),
    ),
    scopeProperties: union(linked('scope'), on('scope'), Object.values(SCOPE_PROPERTIES), units.scope),
    contractProperties: union(linked('contract'), on('contract'), Object.values(CONTRACT_PROPERTIES), units.contract),
    commitmentProperties: union(...rules.map((r) => (r.commitments ? commitmentReadProperties(r.commitments) : []))),
  };
}
