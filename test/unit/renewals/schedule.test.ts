import { leadKey, noticeKey, planRenewalReminders, reminderSeries, type ContractTerms } from '../../../src/renewals/schedule';

const settings = { leadDays: [90, 60, 30], noticeDeadlineReminder: true, noticeDaysBefore: 7 };
const contract = (over: Partial<ContractTerms> = {}): ContractTerms => ({
  id: 'c1',
  renewalDate: '2027-06-30',
  autoRenew: false,
  noticeDays: undefined,
  ...over,
});
const plan = (c: ContractTerms, today: string, sent: string[] = []) => planRenewalReminders([c], new Map([[c.id, new Set(sent)]]), today, settings).get(c.id);
const dueKeys = (c: ContractTerms, today: string, sent: string[] = []) => plan(c, today, sent)?.due.map((r) => r.key) ?? [];

describe('planRenewalReminders', () => {
  it('sends nothing before the first lead time', () => {
    expect(dueKeys(contract(), '2027-03-31')).toEqual([]);
  });

  it('sends each lead reminder on its day, once', () => {
    const c = contract();
    expect(dueKeys(c, '2027-04-01')).toEqual([leadKey('2027-06-30', 90)]);
    expect(dueKeys(c, '2027-04-02', [leadKey('2027-06-30', 90)])).toEqual([]);
    expect(dueKeys(c, '2027-05-01', [leadKey('2027-06-30', 90)])).toEqual([leadKey('2027-06-30', 60)]);
    expect(dueKeys(c, '2027-05-31', [leadKey('2027-06-30', 90), leadKey('2027-06-30', 60)])).toEqual([leadKey('2027-06-30', 30)]);
  });

  it('a contract first seen 20 days out gets the 30-day reminder only, and never the older ones later', () => {
    const c = contract();
    expect(dueKeys(c, '2027-06-10')).toEqual([leadKey('2027-06-30', 30)]);
    expect(dueKeys(c, '2027-06-11', [leadKey('2027-06-30', 30)])).toEqual([]);
  });

  it('a scan that missed days still catches up with the most urgent reminder', () => {
    expect(dueKeys(contract(), '2027-05-05', [leadKey('2027-06-30', 90)])).toEqual([leadKey('2027-06-30', 60)]);
  });

  it('sends nothing once the renewal date has passed', () => {
    expect(plan(contract(), '2027-07-01')).toBeUndefined();
  });

  describe('notice deadline (auto-renew)', () => {
    const auto = contract({ autoRenew: true, noticeDays: 45 }); // deadline 2027-05-16
    it('falls due a week before the cancel-by deadline, beside the lead series', () => {
      expect(reminderSeries(auto, settings).find((r) => r.kind === 'notice')).toMatchObject({ noticeDeadline: '2027-05-16', dueDate: '2027-05-09' });
      expect(dueKeys(auto, '2027-05-09', [leadKey('2027-06-30', 90), leadKey('2027-06-30', 60)])).toEqual([noticeKey('2027-06-30', '2027-05-16')]);
    });
    it('is still sent on the deadline day when the scan missed the week before', () => {
      expect(dueKeys(auto, '2027-05-16', [leadKey('2027-06-30', 90), leadKey('2027-06-30', 60)])).toEqual([noticeKey('2027-06-30', '2027-05-16')]);
    });
    it('is never sent after the deadline', () => {
      expect(dueKeys(auto, '2027-05-17', [leadKey('2027-06-30', 90), leadKey('2027-06-30', 60)])).toEqual([]);
    });
    it('is not planned for contracts that do not auto-renew, or without a notice period', () => {
      expect(reminderSeries(contract({ noticeDays: 45 }), settings).some((r) => r.kind === 'notice')).toBe(false);
      expect(reminderSeries(contract({ autoRenew: true }), settings).some((r) => r.kind === 'notice')).toBe(false);
    });
    it('on the same day as a lead reminder, both go out (they ask for different things)', () => {
      const sameDay = contract({ autoRenew: true, noticeDays: 67 }); // deadline 2027-04-24, reminder 04-17
      expect(dueKeys(sameDay, '2027-04-17').sort()).toEqual([leadKey('2027-06-30', 90), noticeKey('2027-06-30', '2027-04-24')].sort());
    });
  });

  it('a moved renewal date starts a fresh series and marks the old reminders stale', () => {
    const moved = contract({ renewalDate: '2027-09-30' });
    const p = plan(moved, '2027-07-05', [leadKey('2027-06-30', 90), leadKey('2027-06-30', 60)]);
    expect(p?.stale).toEqual([leadKey('2027-06-30', 90), leadKey('2027-06-30', 60)]);
    expect(p?.due.map((r) => r.key)).toEqual([leadKey('2027-09-30', 90)]);
  });

  it('handles Feb 29 and month ends', () => {
    expect(reminderSeries(contract({ renewalDate: '2028-05-29' }), settings).map((r) => r.dueDate)).toEqual(['2028-02-29', '2028-03-30', '2028-04-29']);
    expect(reminderSeries(contract({ renewalDate: '2027-03-31' }), settings).map((r) => r.dueDate)).toEqual(['2026-12-31', '2027-01-30', '2027-03-01']);
  });

  it('dates are calendar dates: DST changes do not move them', () => {
    // 2027-03-28 is the EU DST change; 2027-11-07 the US one.
    expect(reminderSeries(contract({ renewalDate: '2027-04-27' }), settings).map((r) => r.dueDate)).toEqual(['2027-01-27', '2027-02-26', '2027-03-28']);
    expect(reminderSeries(contract({ renewalDate: '2027-12-07' }), settings).map((r) => r.dueDate)).toEqual(['2027-09-08', '2027-10-08', '2027-11-07']);
  });
});
