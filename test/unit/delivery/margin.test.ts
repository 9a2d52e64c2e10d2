import { assessDelivery, type MarginFigures } from '../../../src/delivery';
import { changeOrder, inputs, NOW, policy, scope } from './fixtures';

const marginOf = (overrides: Parameters<typeof inputs>[0] = {}, p = policy) => assessDelivery(inputs(overrides), NOW, p);
const lost = (m: MarginFigures, cause: string) => m.pointsLost.find((l) => l.cause === cause)?.points;
const sumLost = (m: MarginFigures) => m.pointsLost.reduce((total, l) => total + l.points, 0);

describe('planned margin = (amount − proposal hours × cost rate) / amount', () => {
  it('100,000 sold, 400 h at 100/h → 60 %', () => {
    expect(marginOf().figures.margin.plannedPct).toBeCloseTo(60, 10);
  });

  it('uses the default rate when the scope has none, and the scope rate over the default', () => {
    // default 80/h: (100,000 − 32,000) / 100,000
    expect(marginOf({ scope: scope({ costRatePerHour: null }) }).figures.margin.plannedPct).toBeCloseTo(68, 10);
    expect(marginOf({ scope: scope({ costRatePerHour: 50 }) }).figures.margin.plannedPct).toBeCloseTo(80, 10);
  });
});

describe('margin now = (amount + billed CO − (logged + remaining) × rate) / (amount + billed CO)', () => {
  // Billed: 50 h for 10,000. Absorbed: 30 h (worth 4,500). Rejected: ignored. 300 h logged, 250 h to go.
  const worked = inputs({
    scope: scope({ hoursLogged: 300, hoursRemaining: 250 }),
    changeOrders: [
      changeOrder({ id: 'b', decision: 'billed', hours: 50, amount: 10_000 }),
      changeOrder({ id: 'a', decision: 'absorbed', hours: 30, amount: 4_500, decisionReason: 'Promised in the demo' }),
      changeOrder({ id: 'r', decision: 'rejected', hours: 200, amount: 30_000, decisionReason: 'Out of scope' }),
    ],
  });
  const m = assessDelivery(worked, NOW, policy).figures.margin;

  it('(110,000 − 550 × 100) / 110,000 = 50 %, planned 60 %', () => {
    expect(m.plannedPct).toBeCloseTo(60, 10);
    expect(m.nowPct).toBeCloseTo(50, 10);
    expect(m.basis).toBe('estimate_to_complete');
  });

  it('attributes the 10 points lost: absorbed 2.73, billed change orders 0.91, estimate overrun 6.36', () => {
    // absorbed: 30 h × 100 / 110,000; billed: 50 × 100 / 110,000 − 400 × 100 × 10,000 / (100,000 × 110,000);
    // overrun: (550 − 400 − 30 − 50) × 100 / 110,000 — each × 100 for points
    expect(lost(m, 'absorbed_change_orders')).toBeCloseTo(2.7273, 4);
    expect(lost(m, 'billed_change_orders')).toBeCloseTo(0.9091, 4);
    expect(lost(m, 'estimate_overrun')).toBeCloseTo(6.3636, 4);
    expect(sumLost(m)).toBeCloseTo(m.plannedPct! - m.nowPct!, 10);
  });

  it('a delivery estimate above the proposal, fully burned, is estimate overrun only', () => {
    const gap = marginOf({ scope: scope({ estimateHours: 450, hoursLogged: 200, hoursRemaining: 250 }) }).figures.margin;
    expect(gap.nowPct).toBeCloseTo(55, 10);
    expect(lost(gap, 'estimate_overrun')).toBeCloseTo(5, 10);
    expect(lost(gap, 'absorbed_change_orders')).toBe(0);
    expect(sumLost(gap)).toBeCloseTo(5, 10);
  });

  it('finishing under the proposal gains points (negative loss)', () => {
    const under = marginOf({ scope: scope({ hoursLogged: 200, hoursRemaining: 150 }) }).figures.margin;
    expect(under.nowPct).toBeCloseTo(65, 10);
    expect(lost(under, 'estimate_overrun')).toBeCloseTo(-5, 10);
  });

  it('sums to planned − now for any mix of change orders and hours', () => {
    for (const [logged, remaining, billedH, billedAmt, absorbedH] of [
      [120, 500, 20, 1_000, 90],
      [700, 0, 0, 0, 5],
      [10, 10, 300, 90_000, 0],
    ] as const) {
      const mm = marginOf({
        scope: scope({ hoursLogged: logged, hoursRemaining: remaining }),
        changeOrders: [
          changeOrder({ id: 'b', decision: 'billed', hours: billedH, amount: billedAmt }),
          changeOrder({ id: 'a', decision: 'absorbed', hours: absorbedH, decisionReason: 'x' }),
        ],
      }).figures.margin;
      expect(sumLost(mm)).toBeCloseTo(mm.plannedPct! - mm.nowPct!, 9);
    }
  });
});

describe('without an estimate to complete, the hours still to come are what is left of the budget', () => {
  it('300 of 400 h logged → 400 h in all → margin now as planned', () => {
    const m = marginOf({ scope: scope({ hoursLogged: 300, hoursRemaining: null }) }).figures.margin;
    expect(m.basis).toBe('budget_left');
    expect(m.nowPct).toBeCloseTo(60, 10);
  });

  it('over budget, the hours logged are the floor: 500 h → (100,000 − 50,000) / 100,000', () => {
    expect(marginOf({ scope: scope({ hoursLogged: 500, hoursRemaining: null }) }).figures.margin.nowPct).toBeCloseTo(50, 10);
  });
});

describe('missing data gives null and says why, never a made-up margin', () => {
  const nothing = { plannedPct: null, nowPct: null, basis: null, pointsLost: [] };

  it('no deal amount', () => {
    const a = marginOf({ deal: { amount: null, currency: 'EUR' } });
    expect(a.figures.margin).toEqual(nothing);
    expect(a.missing).toContain('Not enough data to say the margin: the deal has no amount');
  });

  it('no cost rate on the scope and no default', () => {
    const a = marginOf({ scope: scope({ costRatePerHour: null }) }, { ...policy, costRate: { defaultPerHour: null, currency: 'EUR' } });
    expect(a.figures.margin).toEqual(nothing);
    expect(a.missing).toContain('Not enough data to say the margin: the scope has no cost rate per hour and schemas/delivery-health.json sets no default');
  });

  it('a default rate in another currency than the deal is not converted', () => {
    const a = marginOf({ deal: { amount: 100_000, currency: 'USD' }, scope: scope({ costRatePerHour: null }) });
    expect(a.figures.margin.plannedPct).toBeNull();
    expect(a.missing).toContain('Not enough data to say the margin: the scope has no cost rate per hour, and the default rate is in EUR, not USD');
  });

  it('no proposal hours: planned is null, now is still known, nothing attributed', () => {
    const m = marginOf({ scope: scope({ proposalHours: null }) }).figures.margin;
    expect(m.plannedPct).toBeNull();
    expect(m.nowPct).toBeCloseTo(60, 10);
    expect(m.pointsLost).toEqual([]);
  });

  it('no hours logged: margin now is null', () => {
    const a = marginOf({ scope: scope({ hoursLogged: null }) });
    expect(a.figures.margin.nowPct).toBeNull();
    expect(a.missing).toContain('Not enough data to say the margin now: it needs hours logged, and hours remaining or an hours budget');
  });

  it('a billed change order without an amount: margin now is null', () => {
    const a = marginOf({ changeOrders: [changeOrder({ decision: 'billed', amount: null })] });
    expect(a.figures.margin.nowPct).toBeNull();
    expect(a.figures.changeOrders.billedAmount).toBeNull();
  });
});
