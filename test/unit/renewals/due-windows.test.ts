import { addDays, toEpochMs, type CalendarDate } from '../../../src/dates/calendar';
import type { SearchFilter } from '../../../src/hubspot/types';
import { dueWindowSearches, noticeBands } from '../../../src/renewals/due-windows';
import { planRenewalReminders, type ContractTerms, type ReminderSettings } from '../../../src/renewals/schedule';
import { chooseScope, FULL_SCAN_EVERY_DAYS } from '../../../src/renewals/renewal-service';

const settings: ReminderSettings = { leadDays: [90, 60, 30], noticeDeadlineReminder: true, noticeDaysBefore: 7 };
const HORIZON = 180;

/** Whether a contract matches a filter group, as HubSpot's search would judge it (the operators used here). */
function matches(c: ContractTerms, filters: SearchFilter[]): boolean {
  const value: Record<string, number | string> = {
    contract_status: 'active',
    renewal_date: toEpochMs(c.renewalDate),
    auto_renew: String(c.autoRenew),
    notice_period_days: c.noticeDays ?? Number.NaN,
  };
  return filters.every((f) => {
    const v = value[f.propertyName]!;
    if (f.operator === 'IN') return f.values!.includes(String(v));
    if (f.operator === 'EQ') return String(v) === f.value;
    if (f.operator === 'GT') return Number(v) > Number(f.value);
    if (f.operator === 'BETWEEN') return Number(v) >= Number(f.value) && Number(v) <= Number(f.highValue);
    throw new Error(`operator ${f.operator} not modelled`);
  });
}

const found = (c: ContractTerms, since: CalendarDate, today: CalendarDate) =>
  dueWindowSearches(since, today, settings, HORIZON).some((search) => search.some((g) => matches(c, g.filters)));

describe('dueWindowSearches', () => {
  it('notice bands: the common periods alone, the ranges between, up to the longest', () => {
    expect(noticeBands(173)).toEqual([
      [1, 29],
      [30, 30],
      [31, 59],
      [60, 60],
      [61, 89],
      [90, 90],
      [91, 173],
    ]);
    expect(noticeBands(45)).toEqual([
      [1, 29],
      [30, 30],
      [31, 45],
    ]);
  });

  it('finds every contract with a reminder newly due since the last scan — in searches within HubSpot’s limits (5 groups, 18 filters with the id cursor)', () => {
    const today = '2027-03-10';
    const searches = dueWindowSearches('2027-03-09', today, settings, HORIZON);
    expect(searches.every((s) => s.length <= 5 && s.reduce((n, g) => n + g.filters.length + 1, 0) <= 18)).toBe(true);
    expect(searches).toHaveLength(4);
    expect(searches.flat()).toHaveLength(3 + noticeBands(HORIZON - 7).length + 1);
    expect(dueWindowSearches(today, today, settings, HORIZON)).toEqual([]);

    // Every contract in the horizon, of many terms: a reminder the pure planner sends today whose
    // own due day came after the last scan (1 or 3 days ago), or that first entered the horizon
    // since, must be found.
    for (const gap of [1, 3]) {
      const since = addDays(today, -gap);
      let newlyDue = 0;
      for (let d = 0; d <= HORIZON; d++) {
        for (const notice of [undefined, 14, 30, 45, 60, 100, 172, 173, 175, 180, 200]) {
          for (const autoRenew of [false, true]) {
            const c: ContractTerms = { id: `${d}-${notice}-${autoRenew}`, renewalDate: addDays(today, d), autoRenew, noticeDays: notice };
            const dueToday = planRenewalReminders([c], new Map(), today, settings).get(c.id)?.due ?? [];
            if (!dueToday.some((r) => isNewlyDue(r.key, c, since))) continue;
            newlyDue++;
            expect([c.id, found(c, since, today)]).toEqual([c.id, true]);
          }
        }
      }
      expect(newlyDue).toBeGreaterThan(40 * gap);
    }
  });

  it('leaves out contracts with nothing newly due (a reminder days away, or sent at the last scan)', () => {
    const today = '2027-03-10';
    const plain = (d: number): ContractTerms => ({ id: 'x', renewalDate: addDays(today, d), autoRenew: false, noticeDays: undefined });
    expect(found(plain(30), '2027-03-09', today)).toBe(true);
    expect(found(plain(31), '2027-03-09', today)).toBe(false);
    expect(found(plain(45), '2027-03-09', today)).toBe(false);
    expect(found(plain(29), '2027-03-09', today)).toBe(false);
    expect(found(plain(29), '2027-03-08', today)).toBe(true);
  });
});

/** The reminder's own due day is after `since`, or it was not in the horizon at the last scan. */
function isNewlyDue(key: string, c: ContractTerms, since: CalendarDate): boolean {
  const [, kind, rest] = key.split(':');
  const due = kind === 'lead' ? addDays(c.renewalDate, -Number(rest)) : addDays(rest as CalendarDate, -settings.noticeDaysBefore);
  return due > since || c.renewalDate > addDays(since, HORIZON);
}

describe('chooseScope', () => {
  it('a full scan with no memory, a week after the last full one, or when asked; else since the last scan', () => {
    expect(chooseScope({}, '2027-03-10', {})).toEqual({ kind: 'full' });
    expect(chooseScope({}, '2027-03-10', { lastScan: '2027-03-09', lastFull: '2027-03-05' })).toEqual({ kind: 'since', since: '2027-03-09' });
    expect(chooseScope({}, '2027-03-10', { lastScan: '2027-03-07', lastFull: '2027-03-05' })).toEqual({ kind: 'since', since: '2027-03-07' });
    expect(chooseScope({}, addDays('2027-03-05', FULL_SCAN_EVERY_DAYS), { lastScan: '2027-03-11', lastFull: '2027-03-05' })).toEqual({ kind: 'full' });
    expect(chooseScope({ full: true }, '2027-03-10', { lastScan: '2027-03-09', lastFull: '2027-03-09' })).toEqual({ kind: 'full' });
    expect(chooseScope({ since: '2027-03-01' }, '2027-03-10', {})).toEqual({ kind: 'since', since: '2027-03-01' });
    expect(chooseScope({}, '2027-03-08', { lastScan: '2027-03-09', lastFull: '2027-03-05' })).toEqual({ kind: 'full' });
  });
});
