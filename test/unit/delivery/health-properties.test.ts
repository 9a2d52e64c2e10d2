import { assessDelivery, changedProperties, deliveryHealthProperties, isWorse, type DeliveryAssessment } from '../../../src/delivery';
import { DELIVERY_HEALTH_PROPERTIES as P } from '../../../src/model/delivery-properties';
import { changeOrder, daysBefore, inputs, invoice, NOW, policy, scope } from './fixtures';

const LATER = new Date(NOW.getTime() + 3_600_000);

describe('deliveryHealthProperties', () => {
  const a = assessDelivery(
    inputs({
      scope: scope({ hoursLogged: 290 }),
      changeOrders: [changeOrder({ decision: 'absorbed', hours: 8, amount: 1200, decisionReason: 'Goodwill' })],
      invoices: { status: 'read', records: [invoice({ balanceDue: 2500.5 })] },
    }),
    NOW,
    policy,
  );
  const props = deliveryHealthProperties(a, NOW);

  it('writes every property of the group, as strings HubSpot takes', () => {
    expect(Object.keys(props).sort()).toEqual(Object.values(P).sort());
    expect(props).toMatchObject({
      [P.health]: 'at_risk',
      [P.hoursBudget]: '408',
      [P.hoursLogged]: '290',
      [P.changeOrdersAbsorbedHours]: '8',
      [P.changeOrdersPending]: '0',
      [P.openTickets]: '0',
      [P.outstandingAmount]: '2500.5',
      [P.checkedAt]: '2026-11-05T00:00:00.000Z',
    });
    // 290 / 408 = 71.0784… → two decimals
    expect(props[P.burnPct]).toBe('71.08');
  });

  it('puts the reasons, then what is missing, one per line', () => {
    expect(props[P.reasons]!.split('\n')).toEqual([...a.reasons, ...a.missing]);
    expect(props[P.reasons]).toContain('Hours are 21 points ahead of time elapsed (71 % burned, 50 % of the timeline gone)');
  });

  it('clears figures there is no data for, rather than writing 0', () => {
    const bare = assessDelivery(inputs({ scope: null, tickets: { status: 'disabled' }, invoices: { status: 'disabled' } }), NOW, policy);
    const p = deliveryHealthProperties(bare, NOW);
    for (const name of [P.hoursBudget, P.burnPct, P.openTickets, P.billedAmount, P.plannedMarginPct, P.marginNowPct]) expect(p[name]).toBe('');
    expect(p[P.health]).toBe('not_started');
  });
});

describe('changedProperties', () => {
  const assessment = assessDelivery(inputs({ changeOrders: [changeOrder({ createdAt: daysBefore(NOW, 10) })] }), NOW, policy);
  const written = deliveryHealthProperties(assessment, NOW);

  it('a re-run over the same data writes nothing, though the time moved on', () => {
    expect(changedProperties(written, deliveryHealthProperties(assessment, LATER))).toEqual({});
  });

  it("reads HubSpot's spelling of the same values as unchanged", () => {
    const asHubSpotAnswers = {
      ...written,
      [P.hoursBudget]: '400.00',
      [P.burnPct]: '50.0',
      [P.billedAmount]: null,
      [P.reasons]: written[P.reasons]!.replace(/\n/g, '\r\n'),
    };
    const next = { ...written, [P.billedAmount]: '' };
    expect(changedProperties(asHubSpotAnswers, next)).toEqual({});
  });

  it('writes what changed, with the new checked-at time', () => {
    const healthier: DeliveryAssessment = { ...assessment, health: 'on_track', reasons: [], findings: [] };
    expect(changedProperties(written, deliveryHealthProperties(healthier, LATER))).toEqual({
      [P.health]: 'on_track',
      [P.reasons]: assessment.missing.join('\n'),
      [P.checkedAt]: LATER.toISOString(),
    });
  });

  it('fills a deal that has never been assessed', () => {
    expect(Object.keys(changedProperties({}, written)).sort()).toEqual(
      Object.keys(written)
        .filter((k) => written[k] !== '' || k === P.checkedAt)
        .sort(),
    );
  });
});

describe('isWorse', () => {
  it('orders on track < at risk < off track', () => {
    expect(isWorse('on_track', 'at_risk')).toBe(true);
    expect(isWorse('at_risk', 'off_track')).toBe(true);
    expect(isWorse('on_track', 'off_track')).toBe(true);
    expect(isWorse('at_risk', 'at_risk')).toBe(false);
    expect(isWorse('off_track', 'at_risk')).toBe(false);
    expect(isWorse('at_risk', 'on_track')).toBe(false);
  });

  it('not started, closed, empty or unknown values sit below on track', () => {
    expect(isWorse('not_started', 'at_risk')).toBe(true);
    expect(isWorse(null, 'at_risk')).toBe(true);
    expect(isWorse('', 'on_track')).toBe(true);
    expect(isWorse('something_old', 'off_track')).toBe(true);
    expect(isWorse('at_risk', 'closed')).toBe(false);
    expect(isWorse('on_track', 'not_started')).toBe(false);
  });
});
