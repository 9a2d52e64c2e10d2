import type { CommitmentInput } from '../../../src/commitments';
import type { HandoffReviewAnswers } from '../../../src/handoff-review';
import type { OutcomeDeal } from '../../../src/insights';
import { loadModel } from '../../../src/model';
import { outcomeWords } from '../../../src/insights';

export const NOW = new Date('2026-12-01T09:00:00Z');
export const words = outcomeWords(loadModel('schemas'));

export function promise(id: string, over: Partial<CommitmentInput> = {}): CommitmentInput {
  return {
    id,
    title: `Promise ${id}`,
    toWhom: null,
    byWhom: null,
    how: null,
    inSignedScope: null,
    scopeDecision: null,
    dueDate: null,
    status: 'open',
    deliveryNote: null,
    extraWork: null,
    ...over,
  };
}

export function review(over: Partial<HandoffReviewAnswers> = {}): HandoffReviewAnswers {
  return {
    buyerBelief: null,
    beliefMatched: null,
    rediscovered: [],
    rediscoveryHours: null,
    extraWorkPromises: null,
    readiness: null,
    momentumDrops: [],
    marginAssumptions: null,
    salesLesson: null,
    ...over,
  };
}

export function deal(id: string, over: Partial<OutcomeDeal> = {}): OutcomeDeal {
  return {
    id,
    name: `Deal ${id}`,
    closedWonAt: new Date('2026-06-01T00:00:00Z'),
    dealType: null,
    pipeline: 'default',
    ownerId: null,
    properties: {},
    currency: 'EUR',
    scope: null,
    delivery: { health: null, hoursBudget: null, hoursLogged: null, plannedMarginPct: null, marginNowPct: null },
    changeOrders: [],
    commitments: [],
    review: null,
    ...over,
  };
}

/** Three new-business deals (one without scope or figures, one in dollars), one renewal, one without a deal type, two left out. */
export function portfolio(): OutcomeDeal[] {
  return [
    deal('1', {
      dealType: 'newbusiness',
      ownerId: '7',
      closedWonAt: new Date('2026-10-01T00:00:00Z'),
      scope: { proposalHours: 100, estimateHours: 120, proposalWeeks: 10, deliveryWeeks: 12 },
      delivery: { health: 'at_risk', hoursBudget: 130, hoursLogged: 150, plannedMarginPct: 40, marginNowPct: 30 },
      changeOrders: [
        { id: 'c1', cause: 'sale_promise', decision: 'absorbed', hours: 20, amount: 2000 },
        { id: 'c2', cause: 'missed_dependency', decision: 'absorbed', hours: 10, amount: 1000 },
        { id: 'c3', cause: 'client_request', decision: 'billed', hours: 30, amount: 4500 },
      ],
      commitments: [
        promise('p1', { how: 'verbal', status: 'broken' }),
        promise('p2', { how: 'verbal', status: 'kept' }),
        promise('p3', { how: 'proposal', status: 'kept' }),
      ],
      review: review({
        rediscovered: ['scope', 'promises'],
        rediscoveryHours: 6,
        readiness: 2,
        beliefMatched: 'partly',
        salesLesson: 'Verbal start dates are never kept',
      }),
    }),
    deal('2', {
      dealType: 'newbusiness',
      ownerId: '8',
      closedWonAt: new Date('2026-11-01T00:00:00Z'),
      scope: { proposalHours: 200, estimateHours: 260, proposalWeeks: 20, deliveryWeeks: 24 },
      delivery: { health: 'on_track', hoursBudget: null, hoursLogged: 100, plannedMarginPct: 30, marginNowPct: null },
      changeOrders: [{ id: 'c4', cause: 'sale_promise', decision: 'absorbed', hours: 40, amount: null }],
      commitments: [promise('p4', { how: 'email', status: 'broken' }), promise('p5', { how: 'verbal', status: 'at_risk', extraWork: true })],
      review: review({ rediscovered: ['promises'], rediscoveryHours: 4, readiness: 3, beliefMatched: 'not_matched', salesLesson: 'Price the integrations' }),
    }),
    deal('3', {
      dealType: 'newbusiness',
      ownerId: '7',
      closedWonAt: new Date('2026-09-01T00:00:00Z'),
      currency: 'USD',
      changeOrders: [{ id: 'c5', cause: 'sale_promise', decision: 'absorbed', hours: 5, amount: 500 }],
    }),
    deal('4', {
      dealType: 'existingbusiness',
      ownerId: '8',
      closedWonAt: new Date('2026-08-01T00:00:00Z'),
      scope: { proposalHours: 50, estimateHours: 50, proposalWeeks: 5, deliveryWeeks: 5 },
      delivery: { health: 'closed', hoursBudget: 50, hoursLogged: 40, plannedMarginPct: 35, marginNowPct: 35 },
    }),
    deal('5', { closedWonAt: new Date('2026-07-01T00:00:00Z') }),
    deal('6', { dealType: 'newbusiness', closedWonAt: null }),
    deal('7', { dealType: 'newbusiness', closedWonAt: new Date('2026-12-02T00:00:00Z') }),
  ];
}

export const grouping = { by: 'dealtype' as const, currency: 'EUR', smallGroupBelow: 3, lessonsShown: 3 };
