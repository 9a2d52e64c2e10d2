import type { LinkedRecord } from '../gate/types';
import type { HandoffReviewPlan } from '../handoff-review/plan-handoff-review';
import { COMMITMENT_STATUSES, readCommitment } from '../commitments';
import { objectByRole, type Model } from '../model';
import { COMMITMENT_PROPERTIES as P } from '../model/commitment-properties';
import type { Properties } from '../hubspot/types';
import type { CardCommitment, CommitmentsSection, HandoffReviewSection } from './card-data';

/** Option labels of the Commitment's how, decision and status, from schemas/. */
export interface PromiseLabels {
  how: Record<string, string>;
  decision: Record<string, string>;
  status: Record<string, string>;
}

export function promiseLabels(model: Pick<Model, 'objects'>): PromiseLabels {
  const props = objectByRole(model, 'commitment').properties;
  const options = (name: string) => Object.fromEntries((props.find((p) => p.name === name)?.options ?? []).map((o) => [o.value, o.label]));
  return { how: options(P.how), decision: options(P.scopeDecision), status: options(P.status) };
}

/** Every property of the Commitment object, so the card's batch read brings what the section shows. */
export const commitmentCardProperties = (model: Pick<Model, 'objects'>): string[] => objectByRole(model, 'commitment').properties.map((p) => p.name);

function cardCommitment(record: LinkedRecord, labels: PromiseLabels): CardCommitment {
  const c = readCommitment(record.id, record.properties);
  const status = c.status ?? 'open';
  return {
    id: c.id,
    title: c.title ?? `Promise ${c.id}`,
    toWhom: c.toWhom,
    byWhom: c.byWhom,
    how: c.how,
    howLabel: c.how ? (labels.how[c.how] ?? null) : null,
    inSignedScope: c.inSignedScope,
    scopeDecision: c.scopeDecision,
    scopeDecisionLabel: c.scopeDecision ? (labels.decision[c.scopeDecision] ?? null) : null,
    dueDate: c.dueDate,
    status: (COMMITMENT_STATUSES as readonly string[]).includes(status) ? status : 'open',
    statusLabel: labels.status[status] ?? null,
    deliveryNote: c.deliveryNote,
  };
}

/** The deal's promises, oldest first, with what "Add a promise" opens. Pure. */
export function buildCommitmentsSection(records: readonly LinkedRecord[], labels: PromiseLabels, objectTypeId: string, addLabel: string): CommitmentsSection {
  const items = [...records].sort((a, b) => Number(a.id) - Number(b.id)).map((r) => cardCommitment(r, labels));
  return { items, objectTypeId, addLabel };
}

/** A deal value in words: option labels for enumerations (a multi-select joined), else the text. */
function answerText(raw: string | null | undefined, options: Record<string, string>): string | null {
  const v = raw?.trim();
  if (!v) return null;
  if (Object.keys(options).length === 0) return v;
  return v
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => options[x] ?? x)
    .join(', ');
}

/** Delivery's handoff review as the card shows it: state, due date, every question with its answer. Pure. */
export function buildHandoffReviewSection(
  plan: HandoffReviewPlan,
  values: Properties,
  questions: ReadonlyArray<{ name: string; label: string; options: Record<string, string> }>,
): HandoffReviewSection {
  const labelOf = (name: string) => questions.find((q) => q.name === name)?.label ?? name;
  return {
    state: plan.state,
    dueDate: plan.dueDate,
    daysOverdue: plan.daysOverdue,
    answers: questions.map((q) => ({ name: q.name, label: q.label, value: answerText(values[q.name], q.options) })),
    unanswered: plan.unanswered.map(labelOf),
  };
}
