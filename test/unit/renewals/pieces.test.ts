import { rollForward } from '../../../src/renewals/lapse';
import { dateWindows, scanHorizonDays } from '../../../src/renewals/scan';
import { formatSentLog, parseSentLog, withEntries, withoutKeys } from '../../../src/renewals/sent-log';
import { renewalTaskContent } from '../../../src/renewals/task-content';
import { reminderSeries } from '../../../src/renewals/schedule';
import { computeRollup } from '../../../src/status/rollup';
import { currentState } from '../../../src/status/status-service';

const settings = { leadDays: [90, 60, 30], noticeDeadlineReminder: true, noticeDaysBefore: 7 };

describe('sent log', () => {
  it('round-trips and ignores lines it does not understand', () => {
    const log = parseSentLog('2027-06-30:lead:90 sent 123 2027-04-01\nnonsense\n2027-06-30:lead:60 pending - 2027-05-01');
    expect(log).toEqual([
      { key: '2027-06-30:lead:90', state: 'sent', taskId: '123', date: '2027-04-01' },
      { key: '2027-06-30:lead:60', state: 'pending', taskId: undefined, date: '2027-05-01' },
    ]);
    expect(parseSentLog(formatSentLog(log))).toEqual(log);
    expect(withEntries(log, [{ key: '2027-06-30:lead:60', state: 'sent', taskId: '9', date: '2027-05-01' }])[1]!.taskId).toBe('9');
    expect(withoutKeys(log, ['2027-06-30:lead:90']).map((e) => e.key)).toEqual(['2027-06-30:lead:60']);
    expect(parseSentLog(null)).toEqual([]);
  });
});

describe('renewal task content', () => {
  const ctx = { contractName: 'MSA', companyName: 'Northwind', value: 180000, autoRenew: true, termMonths: 12 };
  const series = reminderSeries({ id: 'c', renewalDate: '2027-12-01', autoRenew: true, noticeDays: 45 }, settings);
  const ninety = series.find((r) => r.kind === 'lead' && r.days === 90);
  const notice = series.find((r) => r.kind === 'notice');
  it('says what renews, when, the value, auto-renew and the deadline', () => {
    const t = renewalTaskContent(ninety!, ctx, '2027-09-02');
    expect(t.subject).toBe('[Throughline renewal] Northwind — MSA renews 2027-12-01 (90-day reminder)');
    expect(t.body).toContain('180,000');
    expect(t.body).toContain('Auto-renew: yes, for another 12 months');
    expect(t.body).toContain('Notice (cancel-by) deadline: 2027-10-17');
    expect(t.dueDate).toBe('2027-09-02');
  });
  it('the notice reminder asks for notice by the deadline', () => {
    const t = renewalTaskContent(notice!, ctx, '2027-10-10');
    expect(series.map((r) => r.dueDate)).toEqual(['2027-09-02', '2027-10-02', '2027-10-10', '2027-11-01']);
    expect(t.subject).toContain('Cancel-by deadline 2027-10-17');
    expect(t.body).toContain('give notice by 2027-10-17');
  });
  it('a reminder found late is due today, not in the past', () => {
    expect(renewalTaskContent(ninety!, ctx, '2027-09-20').dueDate).toBe('2027-09-20');
  });
  it('escapes HTML from record names', () => {
    expect(renewalTaskContent(ninety!, { ...ctx, contractName: '<b>MSA</b>' }, '2027-09-02').body).toContain('&lt;b&gt;MSA&lt;/b&gt;');
  });
});

describe('scan windows and lapse arithmetic', () => {
  it('splits the horizon into date windows that cover every day once', () => {
    const w = dateWindows('2027-01-01', '2027-07-01', 90);
    expect(w).toEqual([
      ['2027-01-01', '2027-03-31'],
      ['2027-04-01', '2027-06-29'],
      ['2027-06-30', '2027-07-01'],
    ]);
    expect(scanHorizonDays(settings)).toBe(180);
    expect(scanHorizonDays({ ...settings, leadDays: [365, 30] })).toBe(365);
  });
  it('rolls an auto-renewing contract forward by whole terms', () => {
    expect(rollForward('2027-10-20', 12, '2027-10-21')).toBe('2028-10-20');
    expect(rollForward('2025-01-31', 1, '2025-03-15')).toBe('2025-03-31');
    expect(rollForward('2027-10-20', 12, '2027-10-20')).toBe('2027-10-20');
  });
});

describe('roll-up and who set the status', () => {
  const rec = (
    id: string,
    properties: Record<string, string>,
    history: Record<string, Array<{ value: string; timestamp: string; sourceType: string; sourceId?: string }>> = {},
  ) => ({ id, properties, history });
  it('takes the earliest renewal among open contracts and counts passed engagements', () => {
    const r = computeRollup(
      [
        rec('1', { contract_status: 'active', renewal_date: '2028-01-31' }),
        rec('2', { contract_status: 'ended', renewal_date: '2027-10-20' }),
        rec('3', { contract_status: 'renewing', renewal_date: '2027-12-01' }),
      ],
      [rec('d1', { gate_status: 'passed' }), rec('d2', { gate_status: 'blocked' }), rec('d3', { gate_status: 'overridden' })],
    );
    expect(r).toEqual({ nextRenewalDate: '2027-12-01', engagements: 2 });
    expect(computeRollup([], [])).toEqual({ nextRenewalDate: null, engagements: 0 });
  });
  it('a status last written by this app is automation; by anyone else, a user', () => {
    const auto = rec(
      's',
      { status: 'renewal', status_changed_at: '2027-09-02T08:00:00Z' },
      { status: [{ value: 'renewal', timestamp: '2027-09-02T08:00:00Z', sourceType: 'INTEGRATION', sourceId: '1000001' }] },
    );
    const user = rec(
      's',
      { status: 'at_risk' },
      { status: [{ value: 'at_risk', timestamp: '2027-11-02T10:00:00Z', sourceType: 'CRM_UI', sourceId: 'userId:9003' }] },
    );
    const otherApp = rec(
      's',
      { status: 'active' },
      { status: [{ value: 'active', timestamp: '2027-11-02T10:00:00Z', sourceType: 'INTEGRATION', sourceId: '555' }] },
    );
    expect(currentState(auto, '1000001')).toEqual({ status: 'renewal', changedAt: '2027-09-02T08:00:00Z', setBy: 'automation' });
    expect(currentState(user, '1000001')).toEqual({ status: 'at_risk', changedAt: '2027-11-02T10:00:00Z', setBy: 'user' });
    expect(currentState(otherApp, '1000001')?.setBy).toBe('user');
    const byCli = rec(
      's',
      { status: 'dispute', status_set_by: 'user' },
      { status: [{ value: 'dispute', timestamp: '2027-11-02T10:00:00Z', sourceType: 'INTEGRATION', sourceId: '1000001' }] },
    );
    expect(currentState(byCli, '1000001')?.setBy).toBe('user');
    expect(currentState(rec('s', { status: 'nonsense' }), '1')).toBeUndefined();
  });
});
