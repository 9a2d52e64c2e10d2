import type { CrmRecord, Pipeline, Properties } from '../hubspot/types';
import { formatDateTime } from '../words/format-words';
import { adviseDecision, type AdviseDecision } from './advise-decision';
import { evaluateGate, isFilled } from './evaluate';
import { countWords, groupLine, groupMissing, type MissingGroup } from './missing-groups';
import { CONTRACT_PROPERTIES, GATE_PROPERTIES as G } from '../model/well-known-properties';
import { ruleModeAt } from './rule-mode';
import { readStageEntry, revertTarget } from './stage-history';
import type { GateEvaluation, LinkedRecord, ResolvedGateRule } from './types';

export interface DealGateInput {
  deal: CrmRecord;
  pipeline: Pipeline | undefined;
  rule: ResolvedGateRule | undefined;
  isGated: (stageId: string) => boolean;
  scopes: LinkedRecord[];
  contracts: LinkedRecord[];
  commitments?: LinkedRecord[];
  /** How to speak to people; defaults to UTC and no owner names. */
  words?: GateWords;
}

export interface GateWords {
  /** The portal's time zone, for the dates in notes. */
  timeZone: string;
  /** HubSpot user id → owner name, for who set an override. */
  userNames: ReadonlyMap<number, string>;
}

const NO_WORDS: GateWords = { timeZone: 'UTC', userNames: new Map() };

export type SkipReason = 'not_gated' | 'unknown_pipeline' | 'before_enforced_since' | 'already_passed' | 'no_open_stage';

export interface TaskDraft {
  subject: string;
  body: string;
  ownerId: string | undefined;
  dueAt: string;
}

export type GateDecision =
  | { action: 'skip'; dealId: string; reason: SkipReason }
  | {
      action: 'block';
      dealId: string;
      dealName: string;
      /** The gated stage it was moved to, and the stage it goes back to, as HubSpot labels them. */
      stageLabel: string;
      revertToLabel: string;
      evaluation: GateEvaluation;
      missing: MissingGroup[];
      revertTo: string;
      dealProperties: Properties;
      task: TaskDraft;
      existingTaskId: string | undefined;
    }
  | {
      action: 'pass';
      dealId: string;
      dealName: string;
      stageLabel: string;
      evaluation: GateEvaluation;
      /** What an override let through (empty when everything passed). */
      missing: MissingGroup[];
      dealProperties: Properties;
      overrideNote: string | undefined;
      contractIdsToActivate: string[];
      /** The gate's open task from an earlier block, now done. */
      taskToComplete: string | undefined;
    }
  | AdviseDecision;

export const TASK_MARKER = '[Throughline close gate]';
const DAY_MS = 86_400_000;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const dealNameOf = (deal: CrmRecord) => deal.properties.dealname || `Deal ${deal.id}`;
const stageLabelOf = (pipeline: Pipeline, id: string) => pipeline.stages.find((s) => s.id === id)?.label ?? id;

/** The groups as HTML: each action, with what it needs listed under it. */
function groupsHtml(groups: MissingGroup[]): string {
  const li = (g: MissingGroup) =>
    `<li>${escapeHtml(g.action)}${g.needs.length ? `<ul>${g.needs.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}</li>`;
  return `<ul>${groups.map(li).join('')}</ul>`;
}

export function taskDraft(deal: CrmRecord, evaluation: GateEvaluation, stageLabel: string, now: Date, revertToLabel?: string): TaskDraft {
  const name = dealNameOf(deal);
  const missing = groupMissing(evaluation);
  const back = revertToLabel ? ` to ${escapeHtml(revertToLabel)}` : '';
  return {
    subject: `${TASK_MARKER} ${name}: ${countWords(missing.length, 'item')} missing before ${stageLabel}`,
    body:
      `<p>${escapeHtml(name)} was moved to ${escapeHtml(stageLabel)} and sent back${back}: delivery needs ` +
      `${missing.length === 1 ? 'this' : `these ${missing.length} things`} first.</p>` +
      groupsHtml(missing) +
      `<p>When they are done, move the deal to ${escapeHtml(stageLabel)} again. Deal ${deal.id}.</p>`,
    ownerId: deal.properties.hubspot_owner_id || undefined,
    dueAt: new Date(now.getTime() + DAY_MS).toISOString(),
  };
}

function overrideNote(deal: CrmRecord, flag: string, evaluation: GateEvaluation, now: Date, words: GateWords): string {
  const setBy = (deal.history[flag] ?? []).find((h) => h.value === 'true');
  const userId = setBy?.updatedByUserId;
  const who = userId ? (words.userNames.get(userId) ?? `user ${userId}`) : (setBy?.sourceId ?? 'an unknown user');
  const when = formatDateTime(setBy?.timestamp ?? now.toISOString(), words.timeZone);
  const missing = groupMissing(evaluation);
  return (
    `<p>${TASK_MARKER} Close gate overridden by ${escapeHtml(who)} (set ${escapeHtml(when ?? '')}).</p>` +
    `<p>Reason: ${escapeHtml(evaluation.override?.reason ?? '')}</p>` +
    (missing.length ? `<p>Passed without:</p>${groupsHtml(missing)}` : '')
  );
}

const INACTIVE_CONTRACT = new Set(['', 'draft']);

/**
 * Why the gate leaves a deal alone, from the deal record alone (no linked records needed): the
 * gate service skips loading scopes and contracts for these, so re-delivered events cost one read.
 */
export function skipReason(input: Pick<DealGateInput, 'deal' | 'pipeline' | 'rule'>, now: Date): SkipReason | undefined {
  const { deal, pipeline, rule } = input;
  if (!pipeline) return 'unknown_pipeline';
  if (!rule) return 'not_gated';
  const entry = readStageEntry(deal.history.dealstage ?? [], deal.properties.dealstage ?? '');
  const enteredAt = entry.enteredAt ?? deal.createdAt ?? now.toISOString();
  if (Date.parse(enteredAt) < Date.parse(rule.enforcedSince)) return 'before_enforced_since';
  const status = deal.properties[G.status];
  const checkedAt = deal.properties[G.checkedAt];
  if ((status === 'passed' || status === 'overridden') && isFilled(checkedAt) && Date.parse(checkedAt) >= Date.parse(enteredAt)) {
    return 'already_passed';
  }
  return undefined;
}

/**
 * What the gate does with one deal, decided from current state only: duplicates and out-of-order
 * events land on the same answer, which is what makes the effects idempotent.
 */
export function decideGate(input: DealGateInput, now: Date): GateDecision {
  const { deal, pipeline, rule } = input;
  const dealId = deal.id;
  const reason = skipReason(input, now);
  if (reason || !pipeline || !rule) return { action: 'skip', dealId, reason: reason ?? 'not_gated' };
  const stage = deal.properties.dealstage ?? '';
  const entry = readStageEntry(deal.history.dealstage ?? [], stage);
  const status = deal.properties[G.status];
  const evaluation = evaluateGate(rule, { deal, scopes: input.scopes, contracts: input.contracts, commitments: input.commitments ?? [] }, now);
  const checked = now.toISOString();
  const dealName = dealNameOf(deal);
  const stageLabel = stageLabelOf(pipeline, stage);
  const missing = groupMissing(evaluation);
  if (
    ruleModeAt(
      rule,
      pipeline.stages.find((s) => s.id === stage),
    ) === 'advise'
  )
    return adviseDecision(deal, stage, stageLabel, evaluation, now);
  if (evaluation.status === 'blocked') {
    const revertTo = revertTarget(entry, pipeline, input.isGated);
    if (!revertTo) return { action: 'skip', dealId, reason: 'no_open_stage' };
    const revertToLabel = stageLabelOf(pipeline, revertTo);
    return {
      action: 'block',
      dealId,
      dealName,
      stageLabel,
      revertToLabel,
      evaluation,
      missing,
      revertTo,
      dealProperties: {
        dealstage: revertTo,
        [G.status]: 'blocked',
        [G.missing]: missing.map(groupLine).join('\n'),
        [G.checkedAt]: checked,
      },
      task: taskDraft(deal, evaluation, stageLabel, now, revertToLabel),
      existingTaskId: deal.properties[G.taskId] || undefined,
    };
  }
  return {
    action: 'pass',
    dealId,
    dealName,
    stageLabel,
    evaluation,
    missing,
    dealProperties: {
      [G.status]: evaluation.status,
      [G.missing]: evaluation.status === 'overridden' ? missing.map(groupLine).join('\n') : '',
      [G.checkedAt]: checked,
    },
    overrideNote: evaluation.status === 'overridden' ? overrideNote(deal, rule.override.flag, evaluation, now, input.words ?? NO_WORDS) : undefined,
    contractIdsToActivate: input.contracts.filter((c) => INACTIVE_CONTRACT.has(c.properties[CONTRACT_PROPERTIES.status] ?? '')).map((c) => c.id),
    taskToComplete: status === 'blocked' ? deal.properties[G.taskId] || undefined : undefined,
  };
}
