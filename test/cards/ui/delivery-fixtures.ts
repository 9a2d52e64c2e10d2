import type { CompanyCardData, DealCardData } from '../../../extensions/app/cards/shared/card-data';
import type { DeliverySection } from '../../../extensions/app/cards/shared/delivery-card-data';
import { company, passedDeal } from './fixtures';

/** Delivery sections as the service sends them once a deal is in delivery, one per state the card designs for. */

export const CHANGE_ORDER_TYPE = '2-1004';

/** At risk: burn ahead of time, an absorbed change order, one pending, invoices partly overdue. */
export function atRiskDelivery(): DeliverySection {
  return {
    phase: 'build',
    phaseLabel: 'Build',
    health: 'at_risk',
    healthLabel: null,
    reasons: ['Hours burn ahead of time: 70% of the budget used with 50% of the timeline gone', '1 change order waits for a decision'],
    missing: [],
    currency: 'USD',
    hours: { budget: 960, logged: 672, burnPct: 70, timeElapsedPct: 50 },
    billing: { billed: 90000, outstanding: 45000, overdue: 12500 },
    margin: {
      plannedPct: 35,
      nowPct: 26.6,
      pointsLost: [
        { cause: 'absorbed_change_orders', label: 'Absorbed change orders', points: 5.2 },
        { cause: 'overrun', label: 'Hours over the estimate', points: 3.2 },
      ],
    },
    changeOrders: [
      { id: '801', title: 'Guest checkout', cause: 'client_request', causeLabel: null, decision: 'billed', hours: 40, amount: 6000, ageDays: 30 },
      { id: '802', title: 'Apple Pay', cause: 'verbal_promise', causeLabel: null, decision: 'absorbed', hours: 24, amount: 3600, ageDays: 20 },
      { id: '803', title: 'Saved carts', cause: 'scope_gap', causeLabel: null, decision: 'requested', hours: 16, amount: null, ageDays: 3 },
      {
        id: '804',
        title: 'Gift cards',
        cause: 'client_request',
        causeLabel: 'The client asked for it',
        decision: 'requested',
        hours: 8,
        amount: 1200,
        ageDays: 9,
      },
    ],
    tickets: {
      open: 3,
      urgent: 1,
      items: [
        { id: '1001', subject: 'Payment page times out', priority: 'URGENT', openDays: 4 },
        { id: '1002', subject: 'Typo on the receipt', priority: 'LOW', openDays: 1 },
      ],
    },
    nextMilestone: { name: 'Payment integration live', date: '2027-01-15', daysToGo: 12 },
    sources: [
      { source: 'tickets', status: 'ok', message: null },
      { source: 'invoices', status: 'ok', message: null },
      { source: 'projects', status: 'disabled', message: null },
    ],
    checkedAt: '2027-01-03T08:00:00.000Z',
    changeOrderObjectTypeId: CHANGE_ORDER_TYPE,
  };
}

/** Just closed: nothing logged, billed or planned yet; the service says what it lacks. */
export function noDataYetDelivery(): DeliverySection {
  return {
    ...atRiskDelivery(),
    phase: null,
    phaseLabel: null,
    health: 'not_started',
    reasons: [],
    missing: ['No hour budget on the scope', 'No delivery start and end dates', 'No cost rate, so no margin'],
    hours: { budget: null, logged: null, burnPct: null, timeElapsedPct: null },
    billing: null,
    margin: null,
    changeOrders: [],
    tickets: { open: 0, urgent: 0, items: [] },
    nextMilestone: null,
    checkedAt: null,
  };
}

/** Invoices could not be read this time and the portal does not use tickets: the rest still shows. */
export function partialSourcesDelivery(): DeliverySection {
  return {
    ...atRiskDelivery(),
    billing: null,
    tickets: null,
    sources: [
      { source: 'tickets', status: 'disabled', message: null },
      { source: 'invoices', status: 'unavailable', message: 'HubSpot answered 503' },
      { source: 'projects', status: 'disabled', message: null },
    ],
  };
}

/** Off track: over the hour budget well before the end, the milestone missed. */
export function offTrackDelivery(): DeliverySection {
  return {
    ...atRiskDelivery(),
    health: 'off_track',
    reasons: ['1,150 hours logged against a budget of 960 with 60% of the timeline gone', 'Milestone "Payment integration live" is 5 days late'],
    hours: { budget: 960, logged: 1150, burnPct: 119.79, timeElapsedPct: 60 },
    margin: { plannedPct: 35, nowPct: 12, pointsLost: [{ cause: 'overrun', label: 'Hours over the estimate', points: 23 }] },
    nextMilestone: { name: 'Payment integration live', date: '2027-01-15', daysToGo: -5 },
    sources: [
      { source: 'tickets', status: 'ok', message: null },
      { source: 'invoices', status: 'ok', message: null },
      { source: 'projects', status: 'unavailable', message: 'Projects object not readable' },
    ],
  };
}

export function dealInDelivery(delivery: DeliverySection = atRiskDelivery()): DealCardData {
  return { ...passedDeal(), delivery };
}

/** The company with one engagement in delivery, one not yet, and the account's totals. */
export function companyInDelivery(): CompanyCardData {
  const c = company();
  return {
    ...c,
    engagements: c.engagements.map((e) =>
      e.dealId === '123' ? { ...e, delivery: { health: 'off_track', healthLabel: null, plannedMarginPct: 35, marginPct: 12.4 } } : { ...e, delivery: null },
    ),
    accountTotals: { currency: 'EUR', billed: 90000, outstanding: 45000, absorbedHours: 24 },
  };
}
