import type { DealCardData } from '../../../extensions/app/cards/shared/card-data';
import type { CommitmentsSection, DealsLikeThisSection, HandoffReviewSection } from '../../../extensions/app/cards/shared/promises-card-data';
import { blockedDeal, passedDeal } from './fixtures';

/** The promises sections as the service sends them, one per state the card designs for. */

export const COMMITMENT_TYPE = '2-1005';

export function commitments(): CommitmentsSection {
  return {
    objectTypeId: COMMITMENT_TYPE,
    addLabel: 'Add a promise',
    items: [
      {
        id: '901',
        title: 'Weekly demo on Fridays',
        toWhom: 'Dana Reyes',
        byWhom: 'Sam (AE)',
        how: 'proposal',
        howLabel: 'Written in the proposal',
        inSignedScope: true,
        scopeDecision: null,
        scopeDecisionLabel: null,
        dueDate: null,
        status: 'kept',
        statusLabel: null,
        deliveryNote: null,
      },
      {
        id: '902',
        title: 'Start in two weeks',
        toWhom: 'CTO',
        byWhom: null,
        how: 'verbal',
        howLabel: null,
        inSignedScope: false,
        scopeDecision: null,
        scopeDecisionLabel: null,
        dueDate: '2027-01-04',
        status: 'broken',
        statusLabel: null,
        deliveryNote: 'Team free from 18 Jan only',
      },
      {
        id: '903',
        title: 'Apple Pay included',
        toWhom: null,
        byWhom: null,
        how: 'email',
        howLabel: 'Email',
        inSignedScope: false,
        scopeDecision: 'priced',
        scopeDecisionLabel: 'Priced (in the contract or a change order)',
        dueDate: null,
        status: 'change_order',
        statusLabel: null,
        deliveryNote: null,
      },
      {
        id: '904',
        title: 'Migrate the old orders',
        toWhom: null,
        byWhom: null,
        how: null,
        howLabel: null,
        inSignedScope: null,
        scopeDecision: null,
        scopeDecisionLabel: null,
        dueDate: null,
        status: 'at_risk',
        statusLabel: 'At risk',
        deliveryNote: null,
      },
    ],
  };
}

const ANSWERS = [
  { name: 'handoff_review_buyer_belief', label: 'What the buyer believed they were buying', value: 'A checkout and the mobile app' },
  { name: 'handoff_review_belief_matched', label: 'Did it match what was sold', value: 'Partly' },
  { name: 'handoff_review_rediscovered', label: 'What had to be rediscovered', value: 'Scope, Promises' },
  { name: 'handoff_review_readiness', label: 'Readiness at kickoff (1-5)', value: '2' },
  { name: 'handoff_review_sales_lesson', label: 'What sales should know before selling this again', value: 'Say no to the app on the call' },
];

export function review(state: HandoffReviewSection['state']): HandoffReviewSection {
  const unanswered = ANSWERS.map((a) => ({ ...a, value: null }));
  if (state === 'answered') return { state, dueDate: '2027-01-18', daysOverdue: 0, answers: ANSWERS, unanswered: [] };
  if (state === 'not_yet')
    return { state, dueDate: '2027-01-18', daysOverdue: 0, answers: unanswered, unanswered: ['Did it match what was sold', 'What had to be rediscovered'] };
  if (state === 'due') return { state, dueDate: '2027-01-18', daysOverdue: 0, answers: unanswered, unanswered: ['Did it match what was sold'] };
  return {
    state,
    dueDate: '2027-01-18',
    daysOverdue: 5,
    answers: [ANSWERS[0]!, ...unanswered.slice(1)],
    unanswered: ['Did it match what was sold', 'Readiness at kickoff (1-5)'],
  };
}

export function likeThis(state: DealsLikeThisSection['state']): DealsLikeThisSection {
  if (state === 'none') {
    return {
      state,
      basedOn: 0,
      groupLabel: 'Deal type: newbusiness',
      caution: null,
      sentences: ['No deal like this one has been won and delivered yet.'],
      chart: [],
      computedAt: '2027-01-02T03:00:00.000Z',
    };
  }
  const ready: DealsLikeThisSection = {
    state: 'ready',
    basedOn: 12,
    groupLabel: 'Deal type: New business',
    caution: null,
    sentences: [
      'Delivery estimated 27% more hours than the proposal, and 3 weeks longer on average (9 of 12 deals).',
      'They absorbed 320 h of change orders (EUR 41,000), most of it from promise made during the sale (180 h) and missed dependency (90 h).',
      'Delivery said: “Price the integrations”',
    ],
    chart: [
      { label: 'Estimate over the proposal', hoursPerDeal: 40 },
      { label: 'Absorbed: Promise made during the sale', hoursPerDeal: 15 },
    ],
    computedAt: '2027-01-02T03:00:00.000Z',
  };
  return state === 'ready' ? ready : { ...ready, state, basedOn: 2, caution: 'Only 2 deals like this so far: read it as a story, not a pattern.' };
}

/** An open deal while promises are made: the promises list and what deals like it taught. */
export function openDealWithPromises(): DealCardData {
  return { ...blockedDeal(), commitments: commitments(), dealsLikeThis: likeThis('ready') };
}

export function wonDealWithReview(state: HandoffReviewSection['state']): DealCardData {
  return { ...passedDeal(), commitments: commitments(), handoffReview: review(state) };
}
