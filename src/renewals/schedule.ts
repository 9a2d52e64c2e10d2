import { addDays, daysBetween, type CalendarDate } from '../dates/calendar';

/**
 * Renewal reminders, pure. Two series per contract:
 * - lead reminders N days before the renewal date (default 90, 60, 30): when several are due at
 *   once (a contract first seen 20 days out), only the most urgent is sent and the earlier ones
 *   are obsolete, never sent later;
 * - for auto-renewing contracts, the notice (cancel-by) deadline = renewal − notice period: one
 *   reminder, due `noticeDaysBefore` days ahead of the deadline and still sent up to the deadline
 *   itself (a scan missed by downtime catches up), never after it.
 * Keys carry the renewal date (and deadline), so a moved renewal date plans a fresh series and the
 * old one's open reminders can be closed.
 */
export interface ContractTerms {
  id: string;
  renewalDate: CalendarDate;
  autoRenew: boolean;
  noticeDays: number | undefined;
}

export interface ReminderSettings {
  leadDays: number[];
  noticeDeadlineReminder: boolean;
  /** How many days before the cancel-by deadline its reminder falls due (0 = on the day). */
  noticeDaysBefore: number;
}

export type ReminderKind = 'lead' | 'notice';

export interface Reminder {
  key: string;
  kind: ReminderKind;
  contractId: string;
  renewalDate: CalendarDate;
  dueDate: CalendarDate;
  /** Days before renewal (lead), or days of notice (notice). */
  days: number;
  noticeDeadline: CalendarDate | undefined;
}

export interface PlannedReminders {
  /** To send now, one per series at most. */
  due: Reminder[];
  /** Keys of reminders already sent for a renewal date the contract no longer has. */
  stale: string[];
}

export const leadKey = (renewal: CalendarDate, days: number) => `${renewal}:lead:${days}`;
export const noticeKey = (renewal: CalendarDate, deadline: CalendarDate) => `${renewal}:notice:${deadline}`;
export const renewalOfKey = (key: string) => key.split(':')[0] ?? '';

export function noticeDeadline(c: ContractTerms): CalendarDate | undefined {
  return c.autoRenew && c.noticeDays !== undefined && c.noticeDays > 0 ? addDays(c.renewalDate, -c.noticeDays) : undefined;
}

/** Every reminder of the contract's current renewal date, due date ascending. */
export function reminderSeries(c: ContractTerms, settings: ReminderSettings): Reminder[] {
  const deadline = noticeDeadline(c);
  const leads = [...new Set(settings.leadDays)].map((days) => ({
    key: leadKey(c.renewalDate, days),
    kind: 'lead' as const,
    contractId: c.id,
    renewalDate: c.renewalDate,
    dueDate: addDays(c.renewalDate, -days),
    days,
    noticeDeadline: deadline,
  }));
  const notice =
    settings.noticeDeadlineReminder && deadline
      ? [
          {
            key: noticeKey(c.renewalDate, deadline),
            kind: 'notice' as const,
            contractId: c.id,
            renewalDate: c.renewalDate,
            dueDate: addDays(deadline, -settings.noticeDaysBefore),
            days: c.noticeDays!,
            noticeDeadline: deadline,
          },
        ]
      : [];
  return [...leads, ...notice].sort((a, b) => daysBetween(b.dueDate, a.dueDate));
}

function mostUrgentDue(reminders: Reminder[], today: CalendarDate): Reminder | undefined {
  return reminders.filter((r) => r.dueDate <= today).sort((a, b) => daysBetween(a.dueDate, b.dueDate))[0];
}

/** Pure: which reminders each contract is due today, none twice, and which sent ones went stale. */
export function planRenewalReminders(
  contracts: ContractTerms[],
  alreadySent: ReadonlyMap<string, ReadonlySet<string>>,
  today: CalendarDate,
  settings: ReminderSettings,
): Map<string, PlannedReminders> {
  const out = new Map<string, PlannedReminders>();
  for (const c of contracts) {
    const sent = alreadySent.get(c.id) ?? new Set<string>();
    const stale = [...sent].filter((k) => renewalOfKey(k) !== c.renewalDate);
    const due: Reminder[] = [];
    if (today <= c.renewalDate) {
      const series = reminderSeries(c, settings);
      const lead = mostUrgentDue(
        series.filter((r) => r.kind === 'lead'),
        today,
      );
      if (lead && !sent.has(lead.key)) due.push(lead);
      const notice = series.find((r) => r.kind === 'notice');
      if (notice && notice.dueDate <= today && today <= notice.noticeDeadline! && !sent.has(notice.key)) due.push(notice);
    }
    if (due.length || stale.length) out.set(c.id, { due, stale });
  }
  return out;
}
