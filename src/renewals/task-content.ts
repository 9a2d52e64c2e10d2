import type { CalendarDate } from '../dates/calendar';
import type { Reminder } from './schedule';

export const RENEWAL_MARKER = '[Throughline renewal]';

export interface RenewalTaskContext {
  contractName: string;
  companyName: string | undefined;
  value: number | undefined;
  autoRenew: boolean;
  termMonths: number | undefined;
}

const money = (v: number | undefined) => (v === undefined ? 'not recorded' : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Subject and body of a renewal task: what renews, when, the value, auto-renew and the deadline. */
export function renewalTaskContent(r: Reminder, c: RenewalTaskContext, today: CalendarDate): { subject: string; body: string; dueDate: CalendarDate } {
  const who = c.companyName ? `${c.companyName} — ${c.contractName}` : c.contractName;
  const subject =
    r.kind === 'notice'
      ? `${RENEWAL_MARKER} Cancel-by deadline ${r.noticeDeadline}: ${who} auto-renews ${r.renewalDate}`
      : `${RENEWAL_MARKER} ${who} renews ${r.renewalDate} (${r.days}-day reminder)`;
  const lines = [
    `<p><strong>${esc(c.contractName)}</strong>${c.companyName ? ` with ${esc(c.companyName)}` : ''} renews on <strong>${r.renewalDate}</strong>.</p>`,
    '<ul>',
    `<li>Value: ${money(c.value)}</li>`,
    `<li>Auto-renew: ${c.autoRenew ? `yes${c.termMonths ? `, for another ${c.termMonths} months` : ''}` : 'no — it ends unless renewed'}</li>`,
    r.noticeDeadline ? `<li>Notice (cancel-by) deadline: ${r.noticeDeadline}</li>` : '',
    '</ul>',
    r.kind === 'notice'
      ? `<p>If the customer should not renew on these terms, give notice by ${r.noticeDeadline}. After that date the contract renews automatically.</p>`
      : `<p>Talk to the customer about the renewal. Reminder key ${esc(r.key)}.</p>`,
  ];
  // Due on the reminder date; when found late, today, so it is not born overdue.
  return { subject, body: lines.filter(Boolean).join(''), dueDate: r.dueDate < today ? today : r.dueDate };
}
