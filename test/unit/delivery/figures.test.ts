import { assessDelivery } from '../../../src/delivery';
import { changeOrder, daysAfter, daysBefore, inputs, invoice, NOW, policy, scope, START, ticket } from './fixtures';

const assess = (overrides: Parameters<typeof inputs>[0] = {}, now = NOW) => assessDelivery(inputs(overrides), now, policy);

describe('hours budget, burn and time elapsed', () => {
  it('budget = delivery estimate + billed and absorbed change-order hours; requested and rejected ones do not count', () => {
    const f = assess({
      changeOrders: [
        changeOrder({ id: 'b', decision: 'billed', hours: 40 }),
        changeOrder({ id: 'a', decision: 'absorbed', hours: 60, decisionReason: 'Sales promise' }),
        changeOrder({ id: 'q', decision: 'requested', hours: 1000 }),
        changeOrder({ id: 'r', decision: 'rejected', hours: 1000, decisionReason: 'No' }),
      ],
    }).figures;
    expect(f.hoursBudget).toBe(500);
    expect(f.hoursLogged).toBe(200);
    expect(f.burnPct).toBeCloseTo(40, 10);
  });

  it('falls back to the proposal hours while there is no delivery estimate', () => {
    expect(assess({ scope: scope({ estimateHours: null, proposalHours: 250 }) }).figures.hoursBudget).toBe(250);
  });

  it('time elapsed runs from the start date over the delivery timeline, and is 0 before the start', () => {
    expect(assess({}, daysAfter(START, 14)).figures.timeElapsedPct).toBeCloseTo(20, 10);
    expect(assess({}, daysAfter(START, 84)).figures.timeElapsedPct).toBeCloseTo(120, 10);
    expect(assess({}, daysBefore(START, 3)).figures.timeElapsedPct).toBe(0);
  });

  it('missing estimate, hours or dates give null and say what is missing', () => {
    const a = assess({ scope: scope({ estimateHours: null, proposalHours: null, hoursLogged: null, startDate: null }) });
    expect(a.figures).toMatchObject({ hoursBudget: null, hoursLogged: null, burnPct: null, timeElapsedPct: null });
    expect(a.missing).toEqual(
      expect.arrayContaining([
        'Not enough data to say the hours budget: the scope has no delivery estimate or proposal hours',
        'Not enough data to say how many hours are burned: the scope has no hours logged',
        'Not enough data to say how much of the timeline is gone: the scope needs a delivery start date and a delivery timeline',
      ]),
    );
    // Nothing to judge on is not a risk, and is not hidden either.
    expect(a.health).toBe('on_track');
  });

  it('a billed change order without hours leaves the budget unknown', () => {
    const a = assess({ changeOrders: [changeOrder({ decision: 'billed', hours: null })] });
    expect(a.figures.hoursBudget).toBeNull();
    expect(a.figures.burnPct).toBeNull();
    expect(a.missing).toContain('Not enough data to say the hours budget: no hours on "Extra export"');
  });
});

describe('change orders', () => {
  it('billed amount, absorbed hours and amount, pending count and the oldest pending age in whole days', () => {
    const f = assess({
      changeOrders: [
        changeOrder({ id: '1', decision: 'billed', amount: 2_000 }),
        changeOrder({ id: '2', decision: 'billed', amount: 3_000 }),
        changeOrder({ id: '3', decision: 'absorbed', hours: 12, amount: 1_800, decisionReason: 'Goodwill' }),
        changeOrder({ id: '4', decision: 'requested', createdAt: daysBefore(NOW, 2.5) }),
        changeOrder({ id: '5', decision: null, createdAt: daysBefore(NOW, 5.9) }),
      ],
    }).figures.changeOrders;
    expect(f).toEqual({ billedAmount: 5_000, billedHours: 20, absorbedHours: 12, absorbedAmount: 1_800, pendingCount: 2, oldestPendingDays: 5 });
  });

  it('none: zeros, and no oldest pending age', () => {
    expect(assess().figures.changeOrders).toEqual({
      billedAmount: 0,
      billedHours: 0,
      absorbedHours: 0,
      absorbedAmount: 0,
      pendingCount: 0,
      oldestPendingDays: null,
    });
  });

  it('absorbing or rejecting without a reason is pointed out', () => {
    const a = assess({
      changeOrders: [changeOrder({ decision: 'absorbed', decisionReason: '  ' }), changeOrder({ id: 'x', title: null, decision: 'rejected' })],
    });
    expect(a.missing).toEqual(
      expect.arrayContaining([
        '"Extra export" was absorbed without a reason — absorbing or rejecting needs one',
        'change order x was rejected without a reason — absorbing or rejecting needs one',
      ]),
    );
  });
});

describe('tickets', () => {
  it('counts open and urgent open tickets, urgent by the configured values', () => {
    const records = [ticket({ id: '1' }), ticket({ id: '2', priority: 'HIGH' }), ticket({ id: '3', open: false })];
    expect(assess({ tickets: { status: 'read', records } }).figures.tickets).toEqual({ open: 2, urgent: 1 });
    const highToo = { ...policy, sources: { ...policy.sources, tickets: { ...policy.sources.tickets, urgentValues: ['URGENT', 'HIGH'] } } };
    expect(assessDelivery(inputs({ tickets: { status: 'read', records } }), NOW, highToo).figures.tickets).toEqual({ open: 2, urgent: 2 });
  });

  it('disabled: null and nothing to report; not in the portal: null and the reason', () => {
    expect(assess({ tickets: { status: 'disabled' } })).toMatchObject({ figures: { tickets: null }, missing: [] });
    const a = assess({ tickets: { status: 'unavailable', reason: 'this portal refused tickets (403)' } });
    expect(a.figures.tickets).toBeNull();
    expect(a.missing).toEqual(['Not enough data to say anything about tickets: this portal refused tickets (403)']);
  });
});

describe('billing', () => {
  const due = (days: number) => daysBefore(NOW, days);

  it('billed, paid, outstanding and overdue over invoices that are billed, in the deal currency', () => {
    const records = [
      invoice({ id: '1', amountBilled: 10_000, amountPaid: 10_000, balanceDue: 0, status: 'paid', dueDate: due(40) }),
      invoice({ id: '2', amountBilled: 8_000, amountPaid: 3_000, balanceDue: 5_000, dueDate: due(1) }),
      invoice({ id: '3', amountBilled: 6_000, amountPaid: 0, balanceDue: 6_000, dueDate: daysAfter(NOW, 20) }),
      invoice({ id: '4', amountBilled: 99_000, balanceDue: 99_000, status: 'draft', dueDate: due(40) }),
      invoice({ id: '5', amountBilled: 7_000, balanceDue: 7_000, status: 'voided', dueDate: due(40) }),
      invoice({ id: '6', amountBilled: 1_000, amountPaid: 0, balanceDue: 1_000, currency: null, dueDate: due(3) }),
    ];
    const a = assess({ invoices: { status: 'read', records } });
    expect(a.figures.billing).toEqual({ billed: 25_000, paid: 13_000, outstanding: 12_000, overdue: 6_000 });
    expect(a.missing).toEqual([]);
  });

  it('invoices in another currency are left out and said so, never converted', () => {
    const a = assess({ invoices: { status: 'read', records: [invoice({ id: '1' }), invoice({ id: '2', currency: 'USD', amountBilled: 50_000 })] } });
    expect(a.figures.billing?.billed).toBe(10_000);
    expect(a.missing).toEqual(['1 invoice is left out of the billing figures: not in EUR, and amounts are never converted']);
  });

  it('a deal and invoices that name no currency are in the portal’s (PORTAL_CURRENCY), the one source of it', () => {
    const records = [invoice({ id: '1', currency: null }), invoice({ id: '2', currency: 'EUR', amountBilled: 50_000 })];
    const a = assessDelivery(inputs({ deal: { amount: 100_000, currency: null }, invoices: { status: 'read', records } }), NOW, {
      ...policy,
      portalCurrency: 'USD',
    });
    expect(a.figures.currency).toBe('USD');
    expect(a.figures.billing?.billed).toBe(10_000);
    expect(a.missing).toContain('1 invoice is left out of the billing figures: not in USD, and amounts are never converted');
  });

  it('a counted invoice without a value makes that sum null', () => {
    const a = assess({ invoices: { status: 'read', records: [invoice({ id: '1' }), invoice({ id: '2', number: 'INV-7', amountPaid: null, dueDate: null })] } });
    expect(a.figures.billing).toEqual({ billed: 20_000, paid: null, outstanding: 20_000, overdue: null });
    expect(a.missing).toEqual([
      'Not enough data to say how much is paid: no amount paid on INV-7',
      'Not enough data to say what is overdue: no due date on INV-7',
    ]);
  });

  it('a portal without invoices: null and the reason, and the rest still works', () => {
    const a = assess({ invoices: { status: 'unavailable', reason: 'the portal has no Commerce Hub invoices (404)' } });
    expect(a.figures.billing).toBeNull();
    expect(a.missing).toEqual(['Not enough data to say anything about invoices: the portal has no Commerce Hub invoices (404)']);
    expect(a.figures.margin.plannedPct).toBeCloseTo(60, 10);
  });
});
