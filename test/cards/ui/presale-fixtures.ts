import type { DealCardData } from '../../../extensions/app/cards/shared/card-data';
import type { CardCapacity, CardFeasibility, CardUnit, PresaleSection } from '../../../extensions/app/cards/shared/presale-card-data';
import { blockedDeal } from './fixtures';

/** The demo's act before the close: a deal in Proposal, its units, delivery's review and the team's capacity. */

const unit = (unitId: string, title: string, state: CardUnit['state'], over: Partial<CardUnit> = {}): CardUnit => ({
  key: `playbook:123:presentationscheduled:${unitId}`,
  title,
  state,
  dueDate: '2026-12-08',
  ownerName: 'Dana Rep',
  doneWhen: `${title} exists`,
  howToFinish: null,
  tickedWithoutDeliverable: false,
  ...over,
});

export const units = (): CardUnit[] => [
  unit('scope_draft', 'Scope draft', 'done', { doneWhen: 'A Scope on the deal with Deliverables and Delivery team filled in' }),
  unit('feasibility_review', 'Delivery feasibility review', 'overdue', {
    ownerName: 'Lee Delivery',
    doneWhen: 'Scope: Feasibility review is Feasible or Feasible with changes',
  }),
  unit('proposal', 'Proposal with delivery’s timeline', 'open', {
    dueDate: '2026-12-10',
    doneWhen: 'Scope: Proposal timeline (weeks) filled in',
    tickedWithoutDeliverable: true,
  }),
];

export const review = (over: Partial<CardFeasibility> = {}): CardFeasibility => ({
  scopeId: '501',
  scopeName: 'Checkout v1',
  status: null,
  requestedAt: null,
  requestedAtText: null,
  reviewedBy: null,
  notes: null,
  committedTimelineWeeks: null,
  committedStart: null,
  proposalTimelineWeeks: 12,
  plannedStart: '2026-12-07',
  ...over,
});

const week = (weekStart: string, committedHours: number, proposedHours: number) => ({
  weekStart,
  capacityHours: 160,
  committedHours,
  proposedHours,
  loadPct: ((committedHours + proposedHours) / 160) * 100,
});

export const overCapacity = (): CardCapacity => ({
  teamLabel: 'Platform team',
  verdict: 'over',
  tightAbovePct: 85,
  weeks: [week('2026-12-07', 120, 40), week('2026-12-14', 120, 40), week('2026-12-21', 150, 40), week('2026-12-28', 150, 40), week('2027-01-04', 150, 40)],
  overflowWeeks: [3, 4, 5].map((n) => ({ weekStart: ['2026-12-21', '2026-12-28', '2027-01-04'][n - 3]!, scopeWeek: n, overHours: 30 })),
  proposedStart: '2026-12-07',
  earliestFit: '2027-02-15',
  summary: [
    'Starting 7 Dec 2026, “Checkout v1” puts Platform team over capacity in weeks 3–5 of the scope (by up to 30 h a week).',
    'The earliest start that fits: 15 Feb 2027.',
  ],
  missing: [],
});

export const presale = (over: Partial<PresaleSection> = {}): PresaleSection => ({
  stageLabel: 'Proposal',
  units: units(),
  review: review(),
  capacity: overCapacity(),
  capacityProblem: null,
  ...over,
});

export function dealInProposal(over: Partial<PresaleSection> = {}, mode: 'advise' | 'enforce' | null = 'advise'): DealCardData {
  const d = blockedDeal();
  return {
    ...d,
    deal: { ...d.deal, stage: 'Proposal' },
    gate: {
      ...d.gate,
      status: 'not_checked',
      live: 'blocked',
      stageLabel: 'Proposal',
      items: [{ key: 'unit.feasibility_review', label: 'Delivery feasibility review done', passed: false, fix: 'Ask delivery for a feasibility review.' }],
      missing: [{ key: 'unit.feasibility_review', action: 'Ask delivery for a feasibility review.', needs: [] }],
      passedCount: 0,
      total: 1,
      ...(mode ? { mode } : {}),
    },
    presale: presale(over),
  };
}
