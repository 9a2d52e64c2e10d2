import type { CrmRecord, Pipeline, Properties } from '../hubspot/types';
import { evaluateGate, isFilled, missingItems } from './evaluate';
import { CONTRACT_PROPERTIES, GATE_PROPERTIES as G } from '../model/well-known-properties';
import { readStageEntry, revertTarget } from './stage-history';
import type { GateEvaluation, LinkedRecord, ResolvedGateRule } from './types';

export interface DealGateInput {
  deal: CrmRecord;
  pipeline: Pipeline | undefined;
  rule: ResolvedGateRule | undefined;
  isGated: (stageId: string) => boolean;
  scopes: LinkedRecord[];
  contracts: LinkedRecord[];
}

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
      evaluation: GateEvaluation;
      revertTo: string;
      dealProperties: Properties;
      task: TaskDraft;
      existingTaskId: string | undefined;
    }
  | {
      action: 'pass';
      dealId: string;
      evaluation: GateEvaluation;
      dealProperties: Properties;
      overrideNote: string | undefined;
      contractIdsToActivate: string[];
      /** The gate's open task from an earlier block, now done. */
      taskToComplete: string | undefined;
    };

export const TASK_MARKER = '[Throughline close gate]';
const DAY_MS = 86_400_000;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function taskDraft(deal: CrmRecord, evaluation: GateEvaluation, stageLabel: string, now: Date): TaskDraft {
  const name = deal.properties.dealname || `Deal ${deal.id}`;
  const missing = missingItems(evaluation);
  return {
    subject: `${TASK_MARKER} ${name}: ${missing.length} item${missing.length === 1 ? '' : 's'} missing before ${stageLabel}`,
    body:
      `<p>${escapeHtml(name)} was moved to ${escapeHtml(stageLabel)} and sent back: delivery needs these first ` +
      `(${evaluation.passedCount} of ${evaluation.total} done).</p><ul>` +
      missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('') +
      `</ul><p>When they are done, move the deal to ${escapeHtml(stageLabel)} again. Deal ${deal.id}.</p>`,
    ownerId: deal.properties.hubspot_owner_id || undefined,
    dueAt: new Date(now.getTime() + DAY_MS).toISOString(),
  };
}

function overrideNote(deal: CrmRecord, flag: string, evaluation: GateEvaluation, now: Date): string {
  const setBy = (deal.history[flag] ?? []).find((h) => h.value === 'true');
  const who = setBy?.updatedByUserId ? `user ${setBy.updatedByUserId}` : setBy?.sourceId ?? 'an unknown user';
  const when = setBy?.timestamp ?? now.toISOString();
  const missing = missingItems(evaluation);
  return (
    `<p>${TASK_MARKER} Close gate overridden by ${escapeHtml(who)} (set ${escapeHtml(when)}).</p>` +
    `<p>Reason: ${escapeHtml(evaluation.override?.reason ?? '')}</p>` +
    (missing.length ? `<p>Passed without:</p><ul>${missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>` : '')
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
  const evaluation = evaluateGate(rule, { deal, scopes: input.scopes, contracts: input.contracts }, now);
  const checked = now.toISOString();
  if (evaluation.status === 'blocked') {
    const revertTo = revertTarget(entry, pipeline, input.isGated);
    if (!revertTo) return { action: 'skip', dealId, reason: 'no_open_stage' };
    const stageLabel = pipeline.stages.find((s) => s.id === stage)?.label ?? stage;
    return {
      action: 'block',
      dealId,
      evaluation,
      revertTo,
      dealProperties: {
        dealstage: revertTo,
        [G.status]: 'blocked',
        [G.missing]: missingItems(evaluation).join('\n'),
        [G.checkedAt]: checked,
      },
      task: taskDraft(deal, evaluation, stageLabel, now),
      existingTaskId: deal.properties[G.taskId] || undefined,
    };
  }
  return {
    action: 'pass',
    dealId,
    evaluation,
    dealProperties: {
      [G.status]: evaluation.status,
      [G.missing]: evaluation.status === 'overridden' ? missingItems(evaluation).join('\n') : '',
      [G.checkedAt]: checked,
    },
    overrideNote: evaluation.status === 'overridden' ? overrideNote(deal, rule.override.flag, evaluation, now) : undefined,
    contractIdsToActivate: input.contracts
      .filter((c) => INACTIVE_CONTRACT.has(c.properties[CONTRACT_PROPERTIES.status] ?? ''))
      .map((c) => c.id),
    taskToComplete: status === 'blocked' ? deal.properties[G.taskId] || undefined : undefined,
  };
}
