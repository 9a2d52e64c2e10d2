import type { Properties } from '../hubspot/types';
import type { CommitmentRequirement } from '../model/commitment-rule-schema';
import type { UnitDef } from '../model/playbooks-schema';
import type { PresaleLabels } from '../presale/presale-labels';
import type { RuleMode } from './rule-mode';

/** The gate rule as the evaluator needs it: the rule from schemas/ plus the labels it speaks with. */
export interface LinkedRequirement {
  min: number;
  requiredProperties: string[];
  requiredValues: Record<string, string>;
}

export interface CrossCheckRule {
  name: string;
  label: string;
  on: 'deal' | 'scope' | 'contract';
  equal: [string, string];
  unlessFilled?: string;
}

export interface ResolvedGateRule {
  pipeline: string;
  stage: string;
  enforcedSince: string;
  deal: { requiredProperties: string[] };
  scope?: LinkedRequirement;
  contract?: LinkedRequirement;
  crossChecks: CrossCheckRule[];
  commitments?: CommitmentRequirement;
  commitmentWords?: CommitmentRuleWords;
  override: { flag: string; reason: string };
  /** Property labels by object kind, so items read "Fill in Business problem", not a property name. */
  labels: { deal: Record<string, string>; scope: Record<string, string>; contract: Record<string, string> };
  /** Singular labels of the custom objects ("Scope", "Service contract"). */
  nouns: { scope: string; contract: string };
  /** The property that names a scope or contract in messages (its primary display property). */
  display: { scope: string; contract: string };
  /** Left out: enforce at a closed-won stage, advise before (rule-mode.ts). */
  mode?: RuleMode | undefined;
  /** Playbook units (schemas/playbooks.json) that must be done, with their definitions and words. */
  playbookUnits: string[];
  units: UnitDef[];
  unitLabels: PresaleLabels;
}

/** What the commitment items speak with, built once from the model (commitmentRuleWords). */
export interface CommitmentRuleWords {
  /** The object's singular label, "Promise". */
  noun: string;
  /** Property labels of the commitment object. */
  labels: Record<string, string>;
  /** commitment_scope_decision's option labels by value. */
  decisionLabels: Record<string, string>;
  /** The deal card's button that opens the commitment's create form. */
  addLabel: string;
}

export interface LinkedRecord {
  id: string;
  properties: Properties;
}

export interface GateContext {
  deal: LinkedRecord;
  scopes: LinkedRecord[];
  contracts: LinkedRecord[];
  commitments?: LinkedRecord[];
}

export type GateItemKind = 'deal_property' | 'linked_count' | 'linked_property' | 'linked_value' | 'cross_check' | 'override_reason' | 'playbook_unit';

export interface GateItem {
  key: string;
  kind: GateItemKind;
  label: string;
  passed: boolean;
  fix: string;
  /**
   * Items fixed by one shared action (adding the missing Scope fixes its count and every field it
   * needs) carry the action's key and words, and what this item adds to it (see missing-groups.ts).
   */
  group?: { key: string; action: string; need?: string };
}

export type GateStatus = 'passed' | 'blocked' | 'overridden';

export interface GateEvaluation {
  status: GateStatus;
  items: GateItem[];
  passedCount: number;
  total: number;
  override?: { reason: string };
  evaluatedAt: string;
}
