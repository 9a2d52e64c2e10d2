import {
  assessCapacity,
  capacityScopeProperties,
  capacityWindow,
  renderCapacityText,
  scopeLoadFrom,
  spreadScope,
  teamHoursInWeek,
  type ScopeLoad,
} from '../../../src/capacity';
import type { TeamCapacity } from '../../../src/model';
import { model, scope } from './fixtures';

const team: TeamCapacity = { id: 'platform', label: 'Platform team', weeklyHours: 100, exceptions: [] };
const load = (id: string, start: string, timelineWeeks: number, hours: number, over: Partial<ScopeLoad> = {}): ScopeLoad => ({
  id,
  name: `Scope ${id}`,
  teamId: 'platform',
  start,
  timelineWeeks,
  hours,
  ...over,
});
const window = { start: '2026-12-07', weeks: 12 };
const committed = [load('A', '2026-12-07', 10, 600), load('B', '2026-12-21', 3, 90)];
const round = (m: Map<string, number>) => Object.fromEntries([...m].map(([k, v]) => [k, Math.round(v * 100) / 100]));

describe('spreading a scope', () => {
  it('evenly over the working days of its timeline; a mid-week start loads its first week partly and spills over', () => {
    expect(round(spreadScope(load('P', '2026-12-09', 1, 50) as never))).toEqual({ '2026-12-07': 30, '2026-12-14': 20 });
    expect(round(spreadScope(load('P', '2026-12-07', 2, 80) as never))).toEqual({ '2026-12-07': 40, '2026-12-14': 40 });
  });

  it('a weekend start begins on the Monday', () => {
    expect(round(spreadScope(load('P', '2026-12-12', 1, 50) as never))).toEqual({ '2026-12-14': 50 });
  });
});

describe('capacity of a week', () => {
  const holidays: TeamCapacity = { ...team, exceptions: [{ from: '2026-12-24', to: '2027-01-01', weeklyHours: 0, reason: 'Holidays' }] };

  it('exceptions replace the hours of the days they cover only', () => {
    expect(teamHoursInWeek(holidays, '2026-12-14')).toBe(100);
    expect(teamHoursInWeek(holidays, '2026-12-21')).toBeCloseTo(60);
    expect(teamHoursInWeek(holidays, '2026-12-28')).toBe(0);
    expect(teamHoursInWeek({ ...team, exceptions: [{ from: '2027-01-04', to: '2027-01-08', weeklyHours: 60, reason: 'Offsite' }] }, '2027-01-04')).toBeCloseTo(
      60,
    );
  });

  it('a week without capacity has no load percentage, and says why', () => {
    const a = assessCapacity(holidays, committed, window);
    const week = a.weeks.find((w) => w.weekStart === '2026-12-28')!;
    expect(week).toMatchObject({ capacityHours: 0, loadPct: null, exceptions: ['Holidays'] });
  });
});

describe('weeks in the portal’s time zone', () => {
  it('start on the Monday of the portal’s today', () => {
    const late = new Date('2026-12-06T23:30:00Z');
    expect(capacityWindow(late, 'Europe/Berlin', 4).start).toBe('2026-12-07');
    expect(capacityWindow(late, 'UTC', 4).start).toBe('2026-11-30');
    expect(capacityWindow(new Date('2026-12-07T05:00:00Z'), 'America/Los_Angeles', 4).start).toBe('2026-11-30');
  });
});

describe('assessCapacity', () => {
  const proposed = load('P', '2026-12-07', 8, 240);

  it('week by week: capacity, committed, proposed and the load', () => {
    const a = assessCapacity(team, committed, window, proposed);
    expect(a.weeks.slice(0, 3).map((w) => [w.weekStart, w.capacityHours, w.committedHours, w.proposedHours, Math.round(w.loadPct!)])).toEqual([
      ['2026-12-07', 100, 60, 30, 90],
      ['2026-12-14', 100, 60, 30, 90],
      ['2026-12-21', 100, 90, 30, 120],
    ]);
    expect(a.weeks).toHaveLength(12);
    expect(a.countedScopeIds).toEqual(['A', 'B']);
  });

  it('over in weeks 3–5, with the earliest start that fits', () => {
    const a = assessCapacity(team, committed, window, proposed);
    expect(a.proposed).toMatchObject({ verdict: 'over', earliestFit: '2027-02-15' });
    expect(a.proposed!.overflowWeeks.map((w) => [w.scopeWeek, Math.round(w.overHours)])).toEqual([
      [3, 20],
      [4, 20],
      [5, 20],
    ]);
    expect(a.summary).toEqual([
      'Starting 7 Dec 2026, “Scope P” puts Platform team over capacity in weeks 3–5 of the scope (by up to 20 h a week).',
      'The earliest start that fits: 15 Feb 2027.',
    ]);
  });

  it('tight above the threshold, fits below; judged only in the weeks the proposal loads', () => {
    expect(assessCapacity(team, [load('A', '2026-12-07', 10, 600)], window, proposed).proposed).toMatchObject({
      verdict: 'tight',
      tightWeeks: expect.arrayContaining(['2026-12-07']),
    });
    expect(assessCapacity(team, [load('A', '2026-12-07', 10, 500)], window, proposed).proposed?.verdict).toBe('fits');
    // Week 1 is already over without it; a proposal starting in week 3 does not change that.
    const busy = [load('X', '2026-12-07', 2, 300)];
    expect(assessCapacity(team, busy, window, load('P', '2026-12-21', 2, 100)).proposed?.verdict).toBe('fits');
  });

  it('counts neither other teams’ scopes nor the proposal twice; says which scopes it could not count', () => {
    const scopes = [...committed, load('C', '2026-12-07', 4, 400, { teamId: 'commerce' }), proposed, load('D', '2026-12-07', 4, 100, { start: null })];
    const a = assessCapacity(team, scopes, window, proposed);
    expect(a.countedScopeIds).toEqual(['A', 'B']);
    expect(a.missing).toEqual(['Scope “Scope D” is not counted: it has no start date']);
  });

  it('a proposal without hours has no verdict and says why; none within the search says so', () => {
    const a = assessCapacity(team, committed, window, load('P', '2026-12-07', 8, 240, { hours: null }));
    expect(a.proposed?.verdict).toBeNull();
    expect(a.missing).toEqual(['Not enough data to say whether Scope “Scope P” fits: it has no delivery estimate in hours']);
    const never = assessCapacity(team, [], window, load('P', '2026-12-07', 4, 1000), { tightAbovePct: 85, searchWeeks: 4 });
    expect(never.proposed).toMatchObject({ verdict: 'over', earliestFit: null });
    expect(never.summary[1]).toBe('No start in the next 4 weeks fits: ask delivery about a longer timeline or more people.');
  });
});

describe('reading scopes and printing', () => {
  it('reads each figure from the first property filled in', () => {
    const record = scope('501', {
      delivery_team: 'platform',
      planned_start_date: '2026-12-07',
      committed_start_date: '1797206400000',
      delivery_timeline_weeks: '8',
      delivery_estimate_hours: '',
      proposal_hours: '240',
    });
    expect(scopeLoadFrom(record, model.capacity)).toEqual({
      id: '501',
      name: 'Scope 501',
      teamId: 'platform',
      start: '2026-12-14',
      timelineWeeks: 8,
      hours: 240,
    });
    expect(capacityScopeProperties(model.capacity)).toContain('committed_start_date');
  });

  it('prints the weeks, a bar and the summary', () => {
    const text = renderCapacityText(assessCapacity(team, committed, { start: '2026-12-07', weeks: 3 }, load('P', '2026-12-07', 8, 240)));
    expect(text.split('\n')).toEqual([
      'Platform team (platform) — 3 weeks from 7 Dec 2026',
      '  Week of      Capacity Committed  Proposed   Load  ',
      '  7 Dec 2026      100 h      60 h      30 h   90 %  ############++++++..  tight',
      '  14 Dec 2026     100 h      60 h      30 h   90 %  ############++++++..  tight',
      '  21 Dec 2026     100 h      90 h      30 h  120 %  ##################++++++  over',
      '  Starting 7 Dec 2026, “Scope P” puts Platform team over capacity in weeks 3–5 of the scope (by up to 20 h a week).',
      '  The earliest start that fits: 15 Feb 2027.',
    ]);
  });
});
