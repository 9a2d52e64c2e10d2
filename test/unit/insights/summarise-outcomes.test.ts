import { summariseDeliveryOutcomes, parseGroupBy } from '../../../src/insights';
import { NOW, deal, grouping, portfolio } from './fixtures';

describe('summariseDeliveryOutcomes', () => {
  const summary = summariseDeliveryOutcomes(portfolio(), NOW, grouping);
  const newBusiness = summary.rows[0]!;

  it('groups closed-won deals by deal type, biggest first and deals without one last; leaves out deals not won by now', () => {
    expect(summary.rows.map((r) => [r.key, r.deals, r.smallGroup])).toEqual([
      ['newbusiness', 3, false],
      ['existingbusiness', 1, true],
      [null, 1, true],
    ]);
    expect(summary.total.deals).toBe(5);
    expect(summary.rows[2]!.label).toBe('none');
    expect(summary.generatedAt).toBe(NOW.toISOString());
  });

  it('compares proposal with delivery estimate (hours and weeks) and budget with logged, over the deals that have both', () => {
    expect(newBusiness.estimateHours).toEqual({ planned: 300, actual: 380, overPct: (80 / 300) * 100, basedOn: 2 });
    expect(newBusiness.estimateWeeks).toEqual({ planned: 30, actual: 36, overPct: 20, basedOn: 2 });
    expect(newBusiness.hoursVsBudget).toEqual({ planned: 130, actual: 150, overPct: (20 / 130) * 100, basedOn: 1 });
    expect(newBusiness.margin).toEqual({ plannedPct: 40, actualPct: 30, basedOn: 1 });
  });

  it('adds up absorbed change orders by cause; amounts in another currency are left out, never converted', () => {
    expect(newBusiness.absorbed).toEqual({
      changeOrders: 4,
      hours: 75,
      hoursBasedOn: 4,
      amount: 3000,
      amountBasedOn: 2,
      byCause: [
        { cause: 'sale_promise', changeOrders: 3, hours: 65, amount: 2000 },
        { cause: 'missed_dependency', changeOrders: 1, hours: 10, amount: 1000 },
      ],
    });
  });

  it('counts broken promises by how they were made, most broken first', () => {
    expect(newBusiness.promises).toEqual({
      made: 5,
      broken: 2,
      atRisk: 1,
      extraWork: 1,
      byHow: [
        { how: 'email', made: 1, broken: 1, brokenPct: 100 },
        { how: 'verbal', made: 3, broken: 1, brokenPct: expect.closeTo(33.33, 2) },
        { how: 'proposal', made: 1, broken: 0, brokenPct: 0 },
      ],
      brokenAgain: [],
    });
  });

  it('reads the answered reviews: rediscovered items, hours, readiness, belief, and lessons newest first', () => {
    expect(newBusiness.reviews).toEqual({
      answered: 2,
      rediscovered: [
        { item: 'promises', deals: 2 },
        { item: 'scope', deals: 1 },
      ],
      rediscoveryHours: { value: 5, basedOn: 2 },
      readiness: { value: 2.5, basedOn: 2 },
      momentumDrops: [],
      beliefMatched: { matched: 0, partly: 1, notMatched: 1 },
    });
    expect(newBusiness.lessons).toEqual(['Price the integrations', 'Verbal start dates are never kept']);
  });

  it('says null, not 0, where no deal has the data', () => {
    const none = summary.rows[2]!;
    expect(none.estimateHours).toEqual({ planned: null, actual: null, overPct: null, basedOn: 0 });
    expect(none.margin).toEqual({ plannedPct: null, actualPct: null, basedOn: 0 });
    expect(none.absorbed).toMatchObject({ changeOrders: 0, hours: null, amount: null });
    expect(none.reviews.readiness).toEqual({ value: null, basedOn: 0 });
  });

  it('groups by owner or any property, with labels; --since leaves earlier deals out', () => {
    const byOwner = summariseDeliveryOutcomes(portfolio(), NOW, { ...grouping, by: parseGroupBy('owner'), labels: { '7': 'Dana Reyes' } });
    // Equal sizes: by label.
    expect(byOwner.rows.map((r) => [r.label, r.deals])).toEqual([
      ['8', 2],
      ['Dana Reyes', 2],
      ['none', 1],
    ]);

    const deals = [
      deal('a', { properties: { industry: 'Retail' } }),
      deal('b', { properties: { industry: ' Retail ' } }),
      deal('c', { properties: { industry: '' } }),
    ];
    const byIndustry = summariseDeliveryOutcomes(deals, NOW, { ...grouping, by: parseGroupBy('industry') });
    expect(byIndustry.rows.map((r) => [r.key, r.deals])).toEqual([
      ['Retail', 2],
      [null, 1],
    ]);

    const recent = summariseDeliveryOutcomes(portfolio(), NOW, { ...grouping, since: new Date('2026-09-15T00:00:00Z') });
    expect(recent.total.deals).toBe(2);
  });

  it('summarises past 10,000 deals in one pass', () => {
    const many = Array.from({ length: 12_000 }, (_, i) =>
      deal(String(i), { dealType: `type${i % 7}`, scope: { proposalHours: 10, estimateHours: 12, proposalWeeks: 1, deliveryWeeks: 1 } }),
    );
    const started = Date.now();
    const big = summariseDeliveryOutcomes(many, NOW, grouping);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(big.total.estimateHours).toEqual({ planned: 120_000, actual: 144_000, overPct: 20, basedOn: 12_000 });
    expect(big.rows).toHaveLength(7);
  });
});
