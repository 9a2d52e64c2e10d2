import type { CalendarDate } from '../dates/calendar';

export const REVIEW_MARKER = '[Throughline handoff review]';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The review task's subject and body: the questions (labels of the deal's "Handoff review" group)
 * and where to answer them. The body names the task's key so a lost create can be found again.
 */
export function reviewTaskContent(
  deal: { name: string | null; id: string },
  questions: readonly string[],
  kickoffDate: CalendarDate,
  key: string,
): { subject: string; body: string } {
  const name = deal.name ?? `deal ${deal.id}`;
  return {
    subject: `${REVIEW_MARKER} ${name}: how did the handoff go?`,
    body: [
      `<p>Delivery kicked off on ${kickoffDate}. Answer the handoff review on the deal (section “Handoff review”), so the next sale learns from this one:</p>`,
      '<ul>',
      ...questions.map((q) => `<li>${esc(q)}</li>`),
      '</ul>',
      `<p>Review key ${esc(key)}.</p>`,
    ].join(''),
  };
}
