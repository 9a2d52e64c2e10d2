import { dealCardInput } from './deal-card-input';
import { assessCapacity, scopeLoadFrom } from '../../src/capacity';
import { buildDealCard } from '../../src/cards/build-deal-card';
import { resolveGateRules } from '../../src/gate/resolve-rules';
import { ruleForStage } from '../../src/gate/stage-rules';
import { planPresale } from '../../src/presale/plan-presale';
import { buildPresaleSection, type PresaleSectionInput } from '../../src/presale/presale-card-section';
import { presaleLabels } from '../../src/presale/presale-labels';
import { presaleSectionSchema } from '../../extensions/app/cards/shared/presale-card-data';
import { dealCardDataSchema } from '../../extensions/app/cards/shared/card-data';
import { model, pipelines, scope } from '../unit/presale/fixtures';
import { dealRecord } from '../unit/gate/fixtures';

const now = new Date('2027-03-01T09:00:00Z');
const labels = presaleLabels(model);
const team = model.capacity.teams.find((t) => t.id === 'platform')!;
const proposal = scope('9', {
  deliverables: 'Storefront',
  delivery_team: 'platform',
  planned_start_date: '2027-03-08',
  delivery_timeline_weeks: '8',
  delivery_estimate_hours: '640',
  feasibility_review_status: 'feasible_with_changes',
  committed_timeline_weeks: '9',
  feasibility_review_notes: 'From April',
  feasibility_requested_at: '2027-03-01T08:00:00Z',
});
const committed = scopeLoadFrom(
  scope('5', { delivery_team: 'platform', delivery_start_date: '2027-03-22', delivery_timeline_weeks: '3', delivery_estimate_hours: '300' }),
  model.capacity,
);
const deal = dealRecord({ dealstage: 'presentationscheduled', pipeline: 'default', hubspot_owner_id: '7', dealname: 'Globex' }, [
  ['presentationscheduled', '2027-02-26T10:00:00Z'],
  ['qualifiedtobuy', '2027-02-01T10:00:00Z'],
]);

function input(over: Partial<PresaleSectionInput> = {}): PresaleSectionInput {
  const tasks = new Map([['playbook:' + deal.id + ':presentationscheduled:proposal', { id: 't2', status: 'COMPLETED' }]]);
  const plan = planPresale(
    { deal, scopes: [proposal], contracts: [], tasks, companyDeliveryOwnerId: null },
    pipelines,
    { playbooks: model.playbooks, labels, timeZone: 'Europe/Berlin' },
    now,
  );
  return {
    plan,
    ownerNames: new Map([['7', 'Maya Ortiz']]),
    labels,
    scope: proposal,
    scopeDisplay: 'scope_name',
    proposal: { timelineWeeks: 'proposal_timeline_weeks', plannedStart: 'planned_start_date' },
    capacity: assessCapacity(
      team,
      [committed],
      { start: '2027-03-01', weeks: 12 },
      scopeLoadFrom({ ...proposal, properties: { ...proposal.properties, committed_start_date: '' } }, model.capacity),
      model.capacity,
    ),
    capacityProblem: null,
    timeZone: 'Europe/Berlin',
    ...over,
  };
}

describe('buildPresaleSection (pure)', () => {
  it('units with owners and what counts as done, the review beside the proposal, the capacity verdict; in the shared schema', () => {
    const section = buildPresaleSection(input());
    expect(() => presaleSectionSchema.parse(section)).not.toThrow();
    expect(section.stageLabel).toBe('Proposal');
    expect(section.units.map((u) => [u.title, u.state, u.ownerName, u.tickedWithoutDeliverable])).toEqual([
      ['Scope draft', 'done', 'Maya Ortiz', false],
      ['Delivery feasibility review', 'done', 'Maya Ortiz', false],
      ["Proposal with delivery's timeline", 'open', 'Maya Ortiz', true],
    ]);
    expect(section.units[1]!.doneWhen).toBe('Scope: Feasibility review is Feasible or Feasible with changes');
    expect(section.review).toMatchObject({
      scopeId: '9',
      status: 'feasible_with_changes',
      committedTimelineWeeks: 9,
      proposalTimelineWeeks: null,
      plannedStart: '2027-03-08',
      notes: 'From April',
    });
    expect(section.review!.requestedAtText).toContain('1 Mar 2027');
    expect(section.capacity).toMatchObject({ teamLabel: 'Platform team', verdict: 'over', proposedStart: '2027-03-08', earliestFit: '2027-04-12' });
    expect(section.capacity!.overflowWeeks.map((w) => w.scopeWeek)).toEqual([3, 4, 5]);
    // Delivery's committed 9 weeks spread the 640 h thinner than the proposal's 8.
    expect(section.capacity!.weeks[3]).toMatchObject({ weekStart: '2027-03-22', committedHours: 100 });
    expect(section.capacity!.weeks[3]!.proposedHours).toBeCloseTo(640 / 9);
  });

  it('no scope: no review, and the capacity problem says what to add', () => {
    const section = buildPresaleSection(input({ scope: undefined, capacity: null, capacityProblem: 'Add a Scope' }));
    expect(section.review).toBeNull();
    expect(section.capacity).toBeNull();
    expect(section.capacityProblem).toBe('Add a Scope');
    expect(() => presaleSectionSchema.parse(section)).not.toThrow();
  });
});

describe('buildDealCard: the rule’s mode', () => {
  const rules = resolveGateRules(model);
  const pipeline = pipelines[0]!;
  it.each([
    ['presentationscheduled', 'advise'],
    ['closedwon', 'enforce'],
  ] as const)('in %s the card says the rule %ss', (stage, mode) => {
    const d = dealRecord({ dealstage: stage, pipeline: 'default' }, [[stage, '2027-02-26T10:00:00Z']]);
    const rule = ruleForStage(rules, pipeline, stage)!;
    const loaded = { deal: d, scopes: [], contracts: [] };
    const input = dealCardInput(loaded, { pipeline, rule, now, today: '2027-03-01', isGated: () => false, mode });
    expect(input.evaluation.decision.action).toBe(mode === 'advise' ? 'advise' : 'block');
    const card = buildDealCard(input);
    expect(card.gate.mode).toBe(mode);
    expect(() => dealCardDataSchema.parse(card)).not.toThrow();
  });
});
