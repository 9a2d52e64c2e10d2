import { Accordion, Alert, BarChart, DescriptionListItem, Flex, List, Table, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DealCard } from '../../../extensions/app/cards/DealCard';
import { dealCardDataSchema, type DealCardData } from '../../../extensions/app/cards/shared/card-data';
import { DEAL_ID, ORIGIN, blockedDeal } from './fixtures';
import { allText, mockServiceFetch } from './fetch-mock';
import { COMMITMENT_TYPE, commitments, likeThis, openDealWithPromises, wonDealWithReview } from './promises-fixtures';

async function renderDealCard(body: DealCardData) {
  mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body } });
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectId = DEAL_ID;
  renderer.mocks.context.crm.objectTypeId = '0-3';
  renderer.mocks.context.variables = { SERVICE_ORIGIN: ORIGIN };
  renderer.render(<DealCard />);
  await renderer.waitFor(() => expect(renderer.findByTestId(Accordion, 'gate-accordion')).toBeTruthy());
  return renderer;
}

afterEach(() => jest.restoreAllMocks());

describe('deal card: promises', () => {
  it('every fixture is what the contract accepts', () => {
    for (const card of [openDealWithPromises(), wonDealWithReview('answered'), wonDealWithReview('overdue')])
      expect(dealCardDataSchema.parse(card)).toEqual(card);
  });

  it('a service that sends none of the promises sections still shows the card, without them', async () => {
    const r = await renderDealCard(blockedDeal());
    expect(r.maybeFindByTestId(Flex, 'commitments')).toBeNull();
    expect(r.maybeFindByTestId(Flex, 'deals-like-this')).toBeNull();
    expect(r.maybeFindByTestId(Flex, 'handoff-review')).toBeNull();
  });

  it('lists the promises, broken and at risk first, with how, to whom, scope and delivery’s note', async () => {
    const r = await renderDealCard(openDealWithPromises());
    expect(allText(r.findByTestId(Text, 'commitments-summary'))).toBe('4 promises, 1 broken, 1 at risk.');
    const rows = r.findByTestId(Table, 'commitments-table').findAll(TableRow).slice(1);
    expect(rows.map((row) => allText(row))).toEqual([
      'Start in two weeksVerbal, to CTODelivery: Team free from 18 Jan onlyOutside the scope, not decided4 Jan 2027Broken',
      'Migrate the old ordersNot said howIn the signed scope? Not said—At risk',
      'Apple Pay includedEmailOutside the scope: Priced (in the contract or a change order)—Became a change order',
      'Weekly demo on FridaysWritten in the proposal, to Dana Reyes, by Sam (AE)In the signed scope—Kept',
    ]);
    expect(r.findByTestId(Tag, 'commitment-status-902').props.variant).toBe('error');
    expect(r.findByTestId(Tag, 'commitment-scope-902').props.variant).toBe('warning');
    expect(r.findByTestId(Tag, 'commitment-scope-903').props.variant).toBe('success');
  });

  it('Add a promise opens HubSpot’s create form for a promise associated with the deal', async () => {
    const r = await renderDealCard(openDealWithPromises());
    const button = r.findByTestId(CrmActionButton, 'add-promise');
    expect(button.text).toBe('Add a promise');
    expect(button.props.actionType).toBe('OPEN_RECORD_ASSOCIATION_FORM');
    expect(button.props.actionContext).toEqual({ objectTypeId: COMMITMENT_TYPE, association: { objectTypeId: '0-3', objectId: DEAL_ID } });
  });

  it('without promises it asks for them and still offers the button', async () => {
    const r = await renderDealCard({ ...blockedDeal(), commitments: { ...commitments(), items: [] } });
    expect(allText(r.findByTestId(Text, 'commitments-empty'))).toContain('No promise recorded yet');
    expect(allText(r.findByTestId(Text, 'commitments-empty'))).toContain('Use Add a promise below.');
    expect(r.findByTestId(CrmActionButton, 'add-promise')).toBeTruthy();
  });
});

describe('deal card: deals like this', () => {
  it('ready: the sentences, a bar chart of hours per deal beyond the proposal, and how many deals it stands on', async () => {
    const r = await renderDealCard(openDealWithPromises());
    expect(r.findByTestId(List, 'deals-like-this-sentences').findAll(Text).map(allText)).toEqual(likeThis('ready').sentences);
    const chart = r.findByTestId(BarChart, 'deals-like-this-chart');
    expect(chart.props.data).toEqual(likeThis('ready').chart);
    expect(chart.props.axes).toMatchObject({ x: { field: 'label', fieldType: 'category' }, y: { field: 'hoursPerDeal', fieldType: 'linear' } });
    expect(allText(r.findByTestId(Text, 'deals-like-this-basis'))).toBe('Based on 12 won deals (Deal type: New business), updated 2 Jan 2027.');
    expect(r.maybeFindByTestId(Alert, 'deals-like-this-small')).toBeNull();
  });

  it('small sample: says so before the figures', async () => {
    const r = await renderDealCard({ ...blockedDeal(), dealsLikeThis: likeThis('small_sample') });
    expect(allText(r.findByTestId(Alert, 'deals-like-this-small'))).toBe('Only 2 deals like this so far: read it as a story, not a pattern.');
    expect(allText(r.findByTestId(Text, 'deals-like-this-basis'))).toBe('Based on 2 won deals (Deal type: New business), updated 2 Jan 2027.');
  });

  it('none yet: one sentence, no chart', async () => {
    const r = await renderDealCard({ ...blockedDeal(), dealsLikeThis: likeThis('none') });
    expect(allText(r.findByTestId(Text, 'deals-like-this-none'))).toBe('No deal like this one has been won and delivered yet.');
    expect(r.maybeFindByTestId(BarChart, 'deals-like-this-chart')).toBeNull();
  });
});

describe('deal card: handoff review', () => {
  it('answered: every question with delivery’s answer', async () => {
    const r = await renderDealCard(wonDealWithReview('answered'));
    const items = r.findAll(DescriptionListItem).filter((i) => i.props.label === 'What sales should know before selling this again');
    expect(items.map(allText)).toEqual(['Say no to the app on the call']);
    expect(allText(r.findByTestId(Text, 'handoff-review-handoff_review_readiness'))).toBe('2');
    expect(r.maybeFindByTestId(Alert, 'handoff-review-overdue')).toBeNull();
  });

  it('due: says the delivery lead has the task', async () => {
    const r = await renderDealCard(wonDealWithReview('due'));
    expect(r.findByTestId(Alert, 'handoff-review-due').props).toMatchObject({ title: 'Handoff review due today', variant: 'info' });
    expect(r.maybeFindByTestId(Flex, 'handoff-review-answers')).toBeNull();
  });

  it('overdue: visible with how late and what is unanswered, and the answers given so far', async () => {
    const r = await renderDealCard(wonDealWithReview('overdue'));
    const alert = r.findByTestId(Alert, 'handoff-review-overdue');
    expect(alert.props.variant).toBe('warning');
    expect(allText(alert)).toBe(
      'Due 18 Jan 2027 (5 days ago) and not answered yet: Did it match what was sold, Readiness at kickoff (1-5). Answer it in the deal’s “Handoff review” properties.',
    );
    expect(allText(r.findByTestId(Text, 'handoff-review-handoff_review_buyer_belief'))).toBe('A checkout and the mobile app');
  });

  it('not yet: when it will be asked', async () => {
    const r = await renderDealCard(wonDealWithReview('not_yet'));
    expect(allText(r.findByTestId(Text, 'handoff-review-not-yet'))).toBe('Delivery answers the handoff review on 18 Jan 2027, after kickoff.');
    const before = await renderDealCard({ ...wonDealWithReview('not_yet'), handoffReview: { ...wonDealWithReview('not_yet').handoffReview!, dueDate: null } });
    expect(allText(before.findByTestId(Text, 'handoff-review-not-yet'))).toBe(
      'Delivery answers the handoff review after kickoff (once the Scope has a delivery start date).',
    );
  });
});
