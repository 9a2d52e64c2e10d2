import { Accordion, Alert, BarChart, Flex, LoadingButton, StatusTag, Tag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DealCard } from '../../../extensions/app/cards/DealCard';
import type { DealCardData } from '../../../extensions/app/cards/shared/card-data';
import { DEAL_ID, ORIGIN, blockedDeal } from './fixtures';
import { allText, mockServiceFetch, requests } from './fetch-mock';
import { dealInProposal, overCapacity, review } from './presale-fixtures';

const DEAL_URL = `${ORIGIN}/api/cards/deals/${DEAL_ID}`;

type Row = { week: string; part: string; hours: number };
const rowsOf = (chart: { props: { data: unknown } }) => chart.props.data as Row[];

async function renderDealCard(body: DealCardData, more: Parameters<typeof mockServiceFetch>[0] = {}) {
  const spy = mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body }, ...more });
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectId = DEAL_ID;
  renderer.mocks.context.crm.objectTypeId = '0-3';
  renderer.mocks.context.variables = { SERVICE_ORIGIN: ORIGIN };
  renderer.render(<DealCard />);
  await renderer.waitFor(() => expect(renderer.findByTestId(Accordion, 'gate-accordion')).toBeTruthy());
  return { r: renderer, spy };
}

afterEach(() => jest.restoreAllMocks());

describe('pre-sale units', () => {
  it('done by deliverable, overdue, and open with a ticked task that is not done yet', async () => {
    const { r } = await renderDealCard(dealInProposal());
    expect(allText(r.findByTestId(Text, 'units-summary'))).toBe('2 units of 3 still open for Proposal.');
    const key = (u: string) => `playbook:123:presentationscheduled:${u}`;
    expect(['scope_draft', 'feasibility_review', 'proposal'].map((u) => r.findByTestId(StatusTag, `unit-state-${key(u)}`).text)).toEqual([
      'Done',
      'Overdue',
      'Open',
    ]);
    expect(r.findByTestId(StatusTag, `unit-state-${key('feasibility_review')}`).props.variant).toBe('danger');
    expect(allText(r.findByTestId(Text, `unit-line-${key('scope_draft')}`))).toBe(
      'Done when: A Scope on the deal with Deliverables and Delivery team filled in — it is there.',
    );
    expect(allText(r.findByTestId(Text, `unit-line-${key('feasibility_review')}`))).toBe(
      'Lee Delivery, due 8 Dec 2026. Done when: Scope: Feasibility review is Feasible or Feasible with changes.',
    );
    expect(allText(r.findByTestId(Text, `unit-line-${key('proposal')}`))).toBe(
      'Dana Rep, due 10 Dec 2026. The task was ticked, but it is not done until: Scope: Proposal timeline (weeks) filled in.',
    );
  });

  it('all done says so; a deal without pre-sale data shows no section', async () => {
    const done = dealInProposal();
    done.presale!.units = done.presale!.units.map((u) => ({ ...u, state: 'done' as const }));
    let { r } = await renderDealCard(done);
    expect(allText(r.findByTestId(Text, 'units-summary'))).toBe('Everything Proposal asks for is done.');
    jest.restoreAllMocks();
    ({ r } = await renderDealCard(blockedDeal()));
    expect(r.maybeFindByTestId(Flex, 'presale')).toBeNull();
  });
});

describe('the feasibility review', () => {
  it('not asked yet: the rep asks from the card, which posts and shows the fresh card', async () => {
    const asked = dealInProposal({ review: review({ status: 'requested', requestedAtText: '3 Dec 2026, 11:00 CET' }) });
    const { r, spy } = await renderDealCard(dealInProposal(), { [`POST /api/cards/deals/${DEAL_ID}/feasibility-review`]: { status: 200, body: asked } });
    expect(allText(r.findByTestId(Text, 'review-none'))).toContain('Ask before the proposal goes out');
    const button = r.findByTestId(LoadingButton, 'request-review');
    expect(button.text).toBe('Ask delivery for a review');
    expect(button.props).toMatchObject({ variant: 'primary', disabled: false });
    button.trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(StatusTag, 'review-status').text).toBe('Requested'));
    expect(requests(spy)).toContainEqual(['POST', `${DEAL_URL}/feasibility-review`]);
    expect(allText(r.findByTestId(Text, 'review-pending'))).toBe(
      'Delivery was asked to review the scope (asked 3 Dec 2026, 11:00 CET). The proposal should wait for the answer.',
    );
    expect(r.maybeFindByTestId(LoadingButton, 'request-review')).toBeNull();
  });

  it('a request that fails says why and keeps the button', async () => {
    const { r } = await renderDealCard(dealInProposal(), { [`POST /api/cards/deals/${DEAL_ID}/feasibility-review`]: 'network-error' });
    r.findByTestId(LoadingButton, 'request-review').trigger('onClick');
    await r.waitFor(() => expect(allText(r.findByTestId(Alert, 'request-review-failed'))).toContain(`Check that it is running at ${ORIGIN}`));
    expect(r.findByTestId(LoadingButton, 'request-review').props.loading).toBe(false);
  });

  it('in review: no button, the proposal waits', async () => {
    const { r } = await renderDealCard(dealInProposal({ review: review({ status: 'in_review' }) }));
    expect(r.findByTestId(StatusTag, 'review-status').text).toBe('In review');
    expect(allText(r.findByTestId(Text, 'review-pending'))).toBe('Delivery is reviewing the scope. The proposal should wait for the answer.');
    expect(r.maybeFindByTestId(LoadingButton, 'request-review')).toBeNull();
  });

  it('feasible with changes: delivery’s notes and committed timeline beside the proposal’s', async () => {
    const answered = review({
      status: 'feasible_with_changes',
      reviewedBy: 'Lee Delivery',
      notes: 'Start after the holidays; 14 weeks.',
      committedTimelineWeeks: 14,
      committedStart: '2027-02-15',
    });
    const { r } = await renderDealCard(dealInProposal({ review: answered }));
    expect(r.findByTestId(StatusTag, 'review-status').props).toMatchObject({ variant: 'warning' });
    expect(r.findByTestId(StatusTag, 'review-status').text).toBe('Feasible with changes');
    expect(allText(r.findByTestId(Text, 'review-committed'))).toBe('14 weeks from 15 Feb 2027');
    expect(allText(r.findByTestId(Text, 'review-proposal'))).toBe('12 weeks from 7 Dec 2026');
    expect(allText(r.findByTestId(Text, 'review-notes'))).toBe('Lee Delivery: “Start after the holidays; 14 weeks.”');
    expect(r.findByTestId(Text, 'review-differs')).toBeTruthy();
    expect(r.findByTestId(LoadingButton, 'request-review').text).toBe('Ask delivery again');
  });

  it('not feasible: an alert, and the rep can ask again after changing the scope; without a scope there is nothing to review', async () => {
    let { r } = await renderDealCard(dealInProposal({ review: review({ status: 'not_feasible', notes: 'No team free before April.' }) }));
    expect(allText(r.findByTestId(Alert, 'review-not-feasible'))).toBe('Change the scope with delivery, then ask again.');
    expect(r.maybeFindByTestId(Text, 'review-differs')).toBeNull();
    jest.restoreAllMocks();
    ({ r } = await renderDealCard(dealInProposal({ review: null, capacity: null })));
    expect(r.findByTestId(Text, 'review-no-scope')).toBeTruthy();
    expect(r.findByTestId(LoadingButton, 'request-review').props.disabled).toBe(true);
  });
});

describe('capacity', () => {
  it('over: the verdict, the weeks in words, the earliest start, and committed load with this scope stacked on top', async () => {
    const { r } = await renderDealCard(dealInProposal());
    expect(r.findByTestId(StatusTag, 'capacity-verdict').text).toBe('Over capacity');
    expect(allText(r.findByTestId(Text, 'capacity-summary-0'))).toContain('over capacity in weeks 3–5 of the scope');
    expect(allText(r.findByTestId(Text, 'capacity-earliest'))).toBe('Earliest start that fits: 15 Feb 2027');
    const chart = r.findByTestId(BarChart, 'capacity-chart');
    expect(rowsOf(chart).slice(0, 4)).toEqual([
      { week: '7 Dec', part: 'Committed', hours: 120 },
      { week: '7 Dec', part: 'This scope', hours: 40 },
      { week: '14 Dec', part: 'Committed', hours: 120 },
      { week: '14 Dec', part: 'This scope', hours: 40 },
    ]);
    expect(rowsOf(chart).filter((row) => row.week === '21 Dec')).toEqual([
      { week: '21 Dec', part: 'Committed', hours: 150 },
      { week: '21 Dec', part: 'This scope', hours: 40 },
    ]);
    expect(chart.props.axes).toMatchObject({ x: { field: 'week' }, y: { field: 'hours' }, options: { groupFieldByColor: 'part', stacking: true } });
  });

  it('fits: free capacity on top, no earliest-start line; unknown: says why', async () => {
    const fits = {
      ...overCapacity(),
      verdict: 'fits' as const,
      earliestFit: '2026-12-07',
      overflowWeeks: [],
      summary: ['Platform team can take “Checkout v1” from 7 Dec 2026.'],
    };
    fits.weeks = fits.weeks.map((w) => ({ ...w, committedHours: 60 }));
    let { r } = await renderDealCard(dealInProposal({ capacity: fits }));
    expect(r.findByTestId(StatusTag, 'capacity-verdict').props.variant).toBe('success');
    expect(r.maybeFindByTestId(Text, 'capacity-earliest')).toBeNull();
    expect(rowsOf(r.findByTestId(BarChart, 'capacity-chart')).slice(0, 3)).toEqual([
      { week: '7 Dec', part: 'Committed', hours: 60 },
      { week: '7 Dec', part: 'This scope', hours: 40 },
      { week: '7 Dec', part: 'Free', hours: 60 },
    ]);
    jest.restoreAllMocks();
    ({ r } = await renderDealCard(dealInProposal({ capacity: null, capacityProblem: 'The scope names no delivery team: set Delivery team on the Scope.' })));
    expect(allText(r.findByTestId(Text, 'capacity-unknown'))).toBe('The scope names no delivery team: set Delivery team on the Scope.');
  });

  it('tight: shows the earliest start that fits when it is later', async () => {
    const tight = { ...overCapacity(), verdict: 'tight' as const, overflowWeeks: [], earliestFit: '2027-01-11' };
    const { r } = await renderDealCard(dealInProposal({ capacity: tight }));
    expect(r.findByTestId(StatusTag, 'capacity-verdict').text).toBe('Tight');
    expect(allText(r.findByTestId(Text, 'capacity-earliest'))).toBe('Earliest start that fits: 11 Jan 2027');
  });
});

describe('the rule’s mode', () => {
  it('advises: the checklist says the deal stays, titled for its stage', async () => {
    const { r } = await renderDealCard(dealInProposal());
    expect(r.findByTestId(Tag, 'rule-mode').text).toBe('Advises');
    expect(allText(r.findByTestId(Text, 'rule-mode-explain'))).toBe(
      'The rule for Proposal advises: the deal is not sent back; the checklist and a task say what is still open.',
    );
    expect(r.findByTestId(Accordion, 'gate-accordion').props.title).toBe('Proposal checklist: advice');
    expect(allText(r.findByTestId(Text, 'gate-summary'))).toBe(
      '1 item still open for Proposal: the deal stays where it is, but delivery advises finishing it first.',
    );
  });

  it('enforces: the close gate as before, with the mode named; services without a mode show none', async () => {
    let { r } = await renderDealCard({ ...blockedDeal(), gate: { ...blockedDeal().gate, mode: 'enforce' } });
    expect(r.findByTestId(Tag, 'rule-mode').text).toBe('Enforces');
    expect(r.findByTestId(Accordion, 'gate-accordion').props.title).toBe('Close gate: Blocked');
    jest.restoreAllMocks();
    ({ r } = await renderDealCard(blockedDeal()));
    expect(r.maybeFindByTestId(Tag, 'rule-mode')).toBeNull();
  });
});
