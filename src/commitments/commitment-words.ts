import { quoted } from '../delivery/words';
import type { CommitmentHow, CommitmentInput } from './commitment-inputs';

/** How a promise was made, as a rep says it. */
export const HOW_WORDS: Record<CommitmentHow, string> = {
  proposal: 'written in the proposal',
  verbal: 'verbal',
  email: 'by email',
};

export const commitmentName = (c: Pick<CommitmentInput, 'id' | 'title'>) => quoted(c.title, `promise ${c.id}`);

/** “Start in two weeks” (verbal, to Dana Reyes). */
export function commitmentLine(c: CommitmentInput): string {
  const about = [c.how ? HOW_WORDS[c.how] : null, c.toWhom ? `to ${c.toWhom}` : null].filter(Boolean).join(', ');
  return about ? `${commitmentName(c)} (${about})` : commitmentName(c);
}

/** The first few, then "and n more". */
export function listed(items: string[], shown = 3): string {
  if (items.length <= shown) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}
