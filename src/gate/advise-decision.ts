import type { CrmRecord } from '../hubspot/types';
import { groupMissing, groupLine, countWords, type MissingGroup } from './missing-groups';
import type { GateEvaluation } from './types';

/** The task an advising rule keeps (the shape of decide.ts's TaskDraft, which imports this file). */
export interface TaskDraft {
  subject: string;
  body: string;
  ownerId: string | undefined;
  dueAt: string;
}

export const ADVICE_MARKER = '[Throughline stage advice]';
const DAY_MS = 86_400_000;

/** One advice task per deal and stage: created once by this key, updated, completed when all is done. */
export const adviceTaskKey = (dealId: string, stageId: string): string => `gate-advice:${dealId}:${stageId}`;

/**
 * What an advising rule does: no revert and no close-gate status (gate_status speaks of the
 * close); a task while items are open, completed once none are. The I/O finds the task by `taskKey`.
 */
export interface AdviseDecision {
  action: 'advise';
  dealId: string;
  dealName: string;
  stageLabel: string;
  evaluation: GateEvaluation;
  missing: MissingGroup[];
  taskKey: string;
  /** null when nothing is open: complete the task if there is one. */
  task: TaskDraft | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function adviseDecision(deal: CrmRecord, stageId: string, stageLabel: string, evaluation: GateEvaluation, now: Date): AdviseDecision {
  const dealName = deal.properties.dealname || `Deal ${deal.id}`;
  const missing = groupMissing(evaluation);
  const task: TaskDraft | null = missing.length
    ? {
        subject: `${ADVICE_MARKER} ${dealName}: ${countWords(missing.length, 'item')} open in ${stageLabel}`,
        body:
          `<p>${esc(dealName)} is in ${esc(stageLabel)}. Before it goes further, delivery advises:</p>` +
          `<ul>${missing.map((g) => `<li>${esc(groupLine(g))}</li>`).join('')}</ul>` +
          `<p>The deal was not moved back: this stage advises. Deal ${deal.id}. <span style="color:#999">advice-key:${adviceTaskKey(deal.id, stageId)}</span></p>`,
        ownerId: deal.properties.hubspot_owner_id || undefined,
        dueAt: new Date(now.getTime() + DAY_MS).toISOString(),
      }
    : null;
  return { action: 'advise', dealId: deal.id, dealName, stageLabel, evaluation, missing, taskKey: adviceTaskKey(deal.id, stageId), task };
}
