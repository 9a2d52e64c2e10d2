import type { DealCardData } from './card-data';

const STATE: Record<string, string> = { not_yet: 'not due yet', due: 'due today', overdue: 'OVERDUE', answered: 'answered' };

/** The card's promises, handoff review and "Deals like this" as text lines (`npm run card`, the demo). Pure. */
export function promiseSectionLines(card: DealCardData): string[] {
  const out: string[] = [];
  const like = card.dealsLikeThis;
  if (like) {
    out.push(`│ Deals like this — ${like.groupLabel ?? 'no grouping value'}, based on ${like.basedOn} deal(s)${like.caution ? `: ${like.caution}` : ''}`);
    for (const s of like.sentences) out.push(`│   ${s}`);
  }
  if (card.commitments) {
    const items = card.commitments.items;
    out.push(`│ Promises: ${items.length || `none yet (${card.commitments.addLabel})`}`);
    for (const c of items) {
      const scope =
        c.inSignedScope === null
          ? 'in scope? not said'
          : c.inSignedScope
            ? 'in the signed scope'
            : `outside the scope: ${c.scopeDecisionLabel ?? 'NOT decided'}`;
      out.push(`│   “${c.title}” (${c.howLabel ?? 'how not said'}${c.toWhom ? `, to ${c.toWhom}` : ''}) — ${scope}; ${c.statusLabel ?? c.status}`);
    }
  }
  const r = card.handoffReview;
  if (r) {
    out.push(`│ Handoff review: ${STATE[r.state] ?? r.state}${r.dueDate ? ` (due ${r.dueDate}${r.daysOverdue ? `, ${r.daysOverdue} days ago` : ''})` : ''}`);
    for (const a of r.answers.filter((x) => x.value !== null)) out.push(`│   ${a.label}: ${a.value}`);
    if (r.unanswered.length && r.state !== 'not_yet') out.push(`│   Not answered yet: ${r.unanswered.join(', ')}`);
  }
  return out;
}
