import type { GateEvaluation } from './types';

/** One thing to do about a blocked gate, with what it brings along (the fields a new record needs). */
export interface MissingGroup {
  key: string;
  /** The action, for a rep: "Add a Service contract to this deal (…)". */
  action: string;
  /** What the action must include, listed under it; empty when the action says it all. */
  needs: string[];
}

/**
 * The failing items grouped by the action that fixes them: a missing contract is one thing to do
 * ("Add a Service contract", with the fields it needs), not one line per field it lacks. Pure; the
 * task, the note, the deal's missing list, the card and `npm run gate` all count these.
 */
export function groupMissing(evaluation: Pick<GateEvaluation, 'items'>): MissingGroup[] {
  const groups = new Map<string, MissingGroup>();
  for (const item of evaluation.items) {
    if (item.passed) continue;
    const key = item.group?.key ?? item.key;
    let group = groups.get(key);
    if (!group) {
      group = { key, action: item.group?.action ?? item.fix, needs: [] };
      groups.set(key, group);
    }
    if (item.group?.need && !group.needs.includes(item.group.need)) group.needs.push(item.group.need);
  }
  return [...groups.values()];
}

/** A group on one line (the deal's multi-line missing list, logs): "Add a Scope … — with Deliverables, In scope". */
export function groupLine(group: MissingGroup): string {
  return group.needs.length ? `${group.action} — with ${group.needs.join(', ')}` : group.action;
}

export const countWords = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
