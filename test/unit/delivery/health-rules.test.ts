import { assessDelivery } from '../../../src/delivery';
import { changeOrder, daysAfter, daysBefore, inputs, invoice, NOW, policy, scope, START, ticket } from './fixtures';

const MINUTE = 60_000;
const justBefore = (d: Date) => new Date(d.getTime() - MINUTE);
const assess = (overrides: Parameters<typeof inputs>[0] = {}, p = policy) => assessDelivery(inputs(overrides), NOW, p);
const rulesOf = (a: ReturnType<typeof assess>) => a.findings.map((f) => f.rule);

describe('the baseline deal', () => {
  it('is on track with nothing to say against it', () => {
    const a = assess();
    expect(a.health).toBe('on_track');
    expect(a.findings).toEqual([]);
    expect(a.reasons).toEqual([]);
  });
});

describe('hours burned ahead of time elapsed (> 15 points → at risk)', () => {
  it('exactly 15 points ahead is not a risk', () => {
    // 260 of 400 h = 65 % burned at 50 % of the timeline
    expect(assess({ scope: scope({ hoursLogged: 260 }) }).health).toBe('on_track');
  });

  it('more than 15 points ahead is, in words a rep reads', () => {
    const a = assess({ scope: scope({ hoursLogged: 262 }) });
    expect(a.health).toBe('at_risk');
    expect(a.reasons).toEqual(['Hours are 16 points ahead of time elapsed (66 % burned, 50 % of the timeline gone)']);
  });

  it('follows the threshold in the policy', () => {
    const strict = { ...policy, thresholds: { ...policy.thresholds, burnAheadOfTimePoints: 5 } };
    expect(assess({ scope: scope({ hoursLogged: 230 }) }, strict).health).toBe('at_risk');
    expect(assess({ scope: scope({ hoursLogged: 220 }) }, strict).health).toBe('on_track');
  });
});

describe('burn over budget (> 100 % → off track)', () => {
  // At the end of the timeline, so burning ahead of time does not trip too; the milestone still ahead.
  const atEnd = daysAfter(START, 70);
  const ending = (hoursLogged: number) => inputs({ scope: scope({ hoursLogged, nextMilestoneDate: daysAfter(atEnd, 5) }) });

  it('exactly 100 % is not off track', () => {
    expect(assessDelivery(ending(400), atEnd, policy).health).toBe('on_track');
  });

  it('over 100 % is off track', () => {
    const a = assessDelivery(ending(401), atEnd, policy);
    expect(a.health).toBe('off_track');
    expect(a.reasons).toEqual(['Hours are over budget: 401 h logged against a budget of 400 h (1 h over)']);
  });
});

describe('a change order undecided (> 7 days → at risk)', () => {
  it('7 days old is not yet a risk', () => {
    expect(assess({ changeOrders: [changeOrder({ createdAt: daysBefore(NOW, 7) })] }).health).toBe('on_track');
  });

  it('older than 7 days is, naming the oldest', () => {
    const a = assess({
      changeOrders: [
        changeOrder({ id: 'a', title: 'Newer', createdAt: justBefore(daysBefore(NOW, 7)) }),
        changeOrder({ id: 'b', title: 'SSO', decision: null, createdAt: daysBefore(NOW, 12) }),
        changeOrder({ id: 'c', title: 'Decided', decision: 'billed', createdAt: daysBefore(NOW, 40) }),
      ],
    });
    expect(a.health).toBe('at_risk');
    expect(a.reasons).toEqual(['2 change orders undecided for more than 7 days (oldest: "SSO", 12 days)']);
  });
});

describe('the next milestone past its date (→ at risk)', () => {
  it('due today is not past', () => {
    expect(assess({ scope: scope({ nextMilestoneDate: new Date('2026-11-05T00:00:00Z') }) }).health).toBe('on_track');
  });

  it('due yesterday is', () => {
    const a = assess({ scope: scope({ nextMilestoneDate: new Date('2026-11-04T00:00:00Z') }) });
    expect(a.health).toBe('at_risk');
    expect(a.reasons).toEqual(['Next milestone "Beta" is 1 day past its date (2026-11-04)']);
  });

  it('grace days delay it', () => {
    const lenient = { ...policy, thresholds: { ...policy.thresholds, milestoneGraceDays: 2 } };
    expect(assess({ scope: scope({ nextMilestoneDate: new Date('2026-11-03T00:00:00Z') }) }, lenient).health).toBe('on_track');
    expect(assess({ scope: scope({ nextMilestoneDate: new Date('2026-11-02T00:00:00Z') }) }, lenient).health).toBe('at_risk');
  });

  it('without a date, says there is not enough data rather than passing it', () => {
    const a = assess({ scope: scope({ nextMilestoneDate: null }) });
    expect(a.health).toBe('on_track');
    expect(a.missing).toContain('Not enough data to say whether the next milestone is on time: the scope has no next milestone date');
  });
});

describe('an urgent ticket open (> 3 days → at risk)', () => {
  it('3 days open is not yet a risk', () => {
    expect(assess({ tickets: { status: 'read', records: [ticket({ openedAt: daysBefore(NOW, 3) })] } }).health).toBe('on_track');
  });

  it('longer is', () => {
    const a = assess({ tickets: { status: 'read', records: [ticket({ openedAt: justBefore(daysBefore(NOW, 3)) })] } });
    expect(a.health).toBe('at_risk');
    expect(a.reasons).toEqual(['1 urgent ticket open for more than 3 days (longest: "Login broken", 3 days)']);
  });

  it('old tickets that are closed or not urgent do not count', () => {
    const old = daysBefore(NOW, 30);
    const records = [
      ticket({ id: 'a', open: false, openedAt: old }),
      ticket({ id: 'b', priority: 'HIGH', openedAt: old }),
      ticket({ id: 'c', priority: null, openedAt: old }),
    ];
    expect(assess({ tickets: { status: 'read', records } }).health).toBe('on_track');
  });
});

describe('an invoice overdue (> 30 days → at risk)', () => {
  const dueDaysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

  it('30 days overdue is not yet a risk', () => {
    expect(assess({ invoices: { status: 'read', records: [invoice({ dueDate: dueDaysAgo(30) })] } }).health).toBe('on_track');
  });

  it('31 days is, with the amount due', () => {
    const a = assess({ invoices: { status: 'read', records: [invoice({ dueDate: dueDaysAgo(31), balanceDue: 4000 })] } });
    expect(a.health).toBe('at_risk');
    expect(a.reasons).toEqual(['1 invoice more than 30 days overdue (EUR 4,000 due; oldest: INV-1001, 31 days)']);
  });

  it('paid, draft and voided invoices are never overdue', () => {
    const old = dueDaysAgo(90);
    const records = [
      invoice({ id: 'a', status: 'paid', balanceDue: 0, amountPaid: 10_000, dueDate: old }),
      invoice({ id: 'b', status: 'draft', dueDate: old }),
      invoice({ id: 'c', status: 'voided', dueDate: old }),
    ];
    expect(assess({ invoices: { status: 'read', records } }).health).toBe('on_track');
  });
});

describe('projects (opt-in)', () => {
  it('an open project past its due date is a risk, a closed one is not', () => {
    const late = { id: 'p', name: 'Rollout', open: true, dueDate: new Date('2026-11-01T00:00:00Z') };
    expect(rulesOf(assess({ projects: { status: 'read', records: [late] } }))).toEqual(['project_overdue']);
    expect(assess({ projects: { status: 'read', records: [{ ...late, open: false }] } }).health).toBe('on_track');
  });
});

describe('worst rule wins', () => {
  it('off track beats at risk, and every reason is kept, worst first', () => {
    const a = assessDelivery(
      inputs({
        scope: scope({ hoursLogged: 500, nextMilestoneDate: new Date('2026-11-01T00:00:00Z') }),
        changeOrders: [changeOrder({ createdAt: daysBefore(NOW, 20) })],
      }),
      NOW,
      policy,
    );
    expect(a.health).toBe('off_track');
    expect(rulesOf(a)).toEqual(['over_budget', 'burn_ahead_of_time', 'change_order_pending', 'milestone_overdue']);
    expect(a.reasons).toHaveLength(4);
  });
});

describe('phase', () => {
  const stale = { changeOrders: [changeOrder({ createdAt: daysBefore(NOW, 20) })] };

  it('without a scope, without a phase, or not started: not started, whatever else is true', () => {
    expect(assess({ ...stale, scope: null })).toMatchObject({ health: 'not_started', reasons: ['Delivery has not started: the deal has no approved scope'] });
    expect(assess({ ...stale, scope: scope({ phase: null }) }).health).toBe('not_started');
    expect(assess({ ...stale, scope: scope({ phase: 'not_started' }) }).health).toBe('not_started');
  });

  it('kickoff and on hold are judged like in progress', () => {
    expect(assess({ ...stale, scope: scope({ phase: 'kickoff' }) }).health).toBe('at_risk');
    expect(assess({ ...stale, scope: scope({ phase: 'on_hold' }) }).health).toBe('at_risk');
  });

  it('closed is closed', () => {
    expect(assess({ ...stale, scope: scope({ phase: 'closed' }) })).toMatchObject({ health: 'closed', findings: [] });
  });

  it('once delivered, the timeline is not judged, the budget still is', () => {
    const late = scope({ phase: 'delivered', hoursLogged: 300, nextMilestoneDate: new Date('2026-10-01T00:00:00Z') });
    expect(assess({ scope: late }).health).toBe('on_track');
    expect(rulesOf(assess({ scope: { ...late, hoursLogged: 450 } }))).toEqual(['over_budget']);
  });
});
