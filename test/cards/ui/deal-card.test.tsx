import { Alert, ErrorState, LoadingButton, LoadingSpinner, ProgressBar, StatusTag, Tag, Text, Button, EmptyState } from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DealCard } from '../../../extensions/app/cards/DealCard';
import { DEAL_ID, ORIGIN, blockedDeal, dealWithoutScope, overriddenDeal, passedDeal } from './fixtures';
import { allText, eventually, mockServiceFetch, requests } from './fetch-mock';

const DEAL_URL = `${ORIGIN}/api/cards/deals/${DEAL_ID}`;

function renderDealCard() {
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectId = DEAL_ID;
  renderer.mocks.context.crm.objectTypeId = '0-3';
  renderer.mocks.context.variables = { SERVICE_ORIGIN: ORIGIN };
  renderer.render(<DealCard />);
  return renderer;
}

afterEach(() => jest.restoreAllMocks());

describe('deal card', () => {
  it('shows a labelled spinner while the service answers, after one GET of the deal card', async () => {
    const fetch = mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: 'never' });
    const { findByTestId } = renderDealCard();
    expect(findByTestId(LoadingSpinner, 'loading').props).toMatchObject({ label: 'Loading the delivery handoff…', showLabel: true });
    await eventually(() => expect(requests(fetch)).toEqual([['GET', DEAL_URL]]));
  });

  it('calls the origin from the profile variable, and the production origin without one', async () => {
    const fetch = mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: blockedDeal() } });
    const renderer = createRenderer('crm.record.tab');
    renderer.mocks.context.crm.objectId = DEAL_ID;
    renderer.mocks.context.variables = { SERVICE_ORIGIN: 'https://throughline-dev.example.com' };
    renderer.render(<DealCard />);
    await renderer.waitFor(() => expect(renderer.findByTestId(StatusTag, 'gate-status')).toBeTruthy());
    expect(requests(fetch)).toEqual([['GET', `https://throughline-dev.example.com/api/cards/deals/${DEAL_ID}`]]);

    const plain = createRenderer('crm.record.tab');
    plain.mocks.context.crm.objectId = DEAL_ID;
    delete plain.mocks.context.variables;
    plain.render(<DealCard />);
    await plain.waitFor(() => expect(plain.findByTestId(StatusTag, 'gate-status')).toBeTruthy());
    expect(requests(fetch)[1]).toEqual(['GET', DEAL_URL]);
  });

  it('blocked: the status, n of m checks done, every check with pass/fail, and what to do once per action', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: blockedDeal() } });
    const { findByTestId, findAll, waitFor } = renderDealCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'gate-status').text).toBe('Blocked'));
    expect(findByTestId(StatusTag, 'gate-status').props.variant).toBe('danger');
    expect(allText(findByTestId(Text, 'gate-summary'))).toBe('This deal cannot stay in Closed won until 2 items below are done.');
    expect(allText(findByTestId(Text, 'gate-checked'))).toBe('checked 1 Dec 2026, 11:00 CET');
    const progress = findByTestId(ProgressBar, 'gate-progress');
    expect(progress.props).toMatchObject({ value: 1, maxValue: 3, valueDescription: '1 of 3 checks done' });

    expect(findByTestId(StatusTag, 'gate-item-deal:handoff_business_problem').text).toBe('Done');
    expect(findByTestId(StatusTag, 'gate-item-deal:handoff_why_us').props.variant).toBe('danger');
    expect(allText(findByTestId(Text, 'gate-todo-deal:handoff_why_us'))).toBe('Fill in Why they chose us on the deal');
    expect(allText(findByTestId(Text, 'gate-todo-scope:value:delivery_approved'))).toBe('Ask delivery to approve the Scope');
    expect(findAll(Text, (n) => n.props.testId?.startsWith('gate-todo-') ?? false)).toHaveLength(2);
  });

  it('a missing Scope is one thing to do, with the fields it needs listed under it, and counted once', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: dealWithoutScope() } });
    const { findByTestId, findAll, waitFor } = renderDealCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'gate-status').text).toBe('Blocked'));
    expect(allText(findByTestId(Text, 'gate-summary'))).toBe('This deal cannot stay in Closed won until 2 items below are done.');
    expect(findAll(Text, (n) => n.props.testId?.startsWith('gate-todo-') ?? false)).toHaveLength(2);
    expect(allText(findByTestId(Text, 'gate-todo-add.scope'))).toBe('Add a Scope to this deal (the “Add scope” button on the deal card).');
    expect(allText(findByTestId(Text, 'gate-needs-add.scope'))).toBe('It needs: Deliverables, Delivery approved set to Yes by delivery');
    // The button the text names is the button on the card.
    expect(findByTestId(CrmActionButton, 'add-scope').text).toBe('Add scope');
  });

  it('shows what delivery needs, with empty fields said so', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: blockedDeal() } });
    const { findByTestId, waitFor } = renderDealCard();
    await waitFor(() => expect(findByTestId(Text, 'handoff-handoff_business_problem').text).toBe('Checkout abandons at 70%.'));
    expect(findByTestId(Text, 'handoff-empty-handoff_why_us').text).toBe('Not filled in yet');
    expect(findByTestId(Text, 'handoff-handoff_first_milestone_date').text).toBe('15 Jan 2027');
  });

  it('scope: approval, proposal against delivery with the difference highlighted; contract with days to go and notice deadline', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: blockedDeal() } });
    const { findByTestId, waitFor } = renderDealCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'scope-approval').text).toBe('Not approved by delivery yet'));
    expect(findByTestId(StatusTag, 'scope-approval').props.variant).toBe('warning');
    expect(findByTestId(Tag, 'differs-Proposal and delivery timelines agree').props.variant).toBe('warning');
    expect(allText(findByTestId(Text, 'scope-resolution'))).toContain('no resolution is recorded');
    expect(allText(findByTestId(Text, 'contract-renewal'))).toBe('1 Dec 2027 (in 365 days)');
    expect(allText(findByTestId(Text, 'contract-notice'))).toBe('2 Oct 2027');
    expect(allText(findByTestId(Text, 'contract-value'))).toBe('€180,000');
  });

  it('passed: the tag, a full bar, the customer status, no fixes', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: passedDeal() } });
    const { findByTestId, findAll, waitFor } = renderDealCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'gate-status').text).toBe('Passed'));
    expect(findByTestId(StatusTag, 'gate-status').props.variant).toBe('success');
    expect(findByTestId(ProgressBar, 'gate-progress').props).toMatchObject({ value: 3, maxValue: 3, variant: 'success' });
    expect(findAll(Text, (n) => n.props.testId?.startsWith('gate-todo-') ?? false)).toHaveLength(0);
    expect(findByTestId(StatusTag, 'customer-status').text).toBe('Onboarding');
    // The day in the portal's time zone, not the UTC date of the timestamp.
    expect(findAll(Text, (n) => allText(n) === 'since 1 Dec 2026')).toHaveLength(1);
    expect(findByTestId(StatusTag, 'scope-approval').text).toBe('Approved by delivery');
  });

  it('overridden: the tag and the reason given', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: overriddenDeal() } });
    const { findByTestId, waitFor } = renderDealCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'gate-status').text).toBe('Overridden'));
    expect(findByTestId(StatusTag, 'gate-status').props.variant).toBe('warning');
    expect(allText(findByTestId(Text, 'gate-summary'))).toBe('Closed without everything delivery needs, because: CEO signed off; scope lands Monday');
  });

  it('no scope yet: designed empty states, and the create buttons, named as the service names them, open HubSpot’s create form', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: dealWithoutScope() } });
    const { findByTestId, waitFor, mocks } = renderDealCard();
    await waitFor(() => expect(findByTestId(EmptyState, 'scope-empty').props.title).toBe('No scope yet'));
    expect(findByTestId(EmptyState, 'contract-empty').props.title).toBe('No contract yet');
    const addScope = findByTestId(CrmActionButton, 'add-scope');
    expect(addScope.text).toBe('Add scope');
    expect(addScope.props.actionType).toBe('OPEN_RECORD_ASSOCIATION_FORM');
    expect(addScope.props.actionContext).toEqual({ objectTypeId: '2-1001', association: { objectTypeId: '0-3', objectId: DEAL_ID } });
    const addContract = findByTestId(CrmActionButton, 'add-contract');
    expect(addContract.text).toBe('Add service contract');
    expect(allText(findByTestId(EmptyState, 'contract-empty'))).toContain('Use Add service contract above');
    expect(allText(findByTestId(EmptyState, 'scope-empty'))).toContain('Use Add scope above');
    expect(addContract.props.actionContext).toEqual({ objectTypeId: '2-1002', association: { objectTypeId: '0-3', objectId: DEAL_ID } });

    // trigger() passes its argument to the handler; its typing wants the handler's type, hence the cast.
    addContract.trigger('onError', ['You do not have permission to create Service contracts'] as never);
    expect(mocks.actions.addAlert.callCount).toBe(1);
    expect(mocks.actions.addAlert.calls[0]![0]).toMatchObject({ type: 'danger', message: expect.stringContaining('permission') });
  });

  it('Re-check posts to the recheck endpoint, shows the new card and refreshes the record', async () => {
    const fetch = mockServiceFetch({
      [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: blockedDeal() },
      [`POST /api/cards/deals/${DEAL_ID}/recheck`]: { status: 200, body: { action: 'pass', card: passedDeal() } },
    });
    const { findByTestId, waitFor, mocks } = renderDealCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'gate-status').text).toBe('Blocked'));

    findByTestId(LoadingButton, 'recheck').trigger('onClick');
    await waitFor(() => expect(findByTestId(StatusTag, 'gate-status').text).toBe('Passed'));
    expect(requests(fetch)).toEqual([
      ['GET', DEAL_URL],
      ['POST', `${DEAL_URL}/recheck`],
    ]);
    expect(allText(findByTestId(Alert, 'recheck-done'))).toContain('meets the close gate');
    expect(mocks.actions.refreshObjectProperties.callCount).toBe(1);
    expect(findByTestId(LoadingButton, 'recheck').props.loading).toBe(false);
  });

  it('Re-check that sends the deal back names the stage it went back to', async () => {
    mockServiceFetch({
      [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: blockedDeal() },
      [`POST /api/cards/deals/${DEAL_ID}/recheck`]: { status: 200, body: { action: 'block', revertedTo: 'Contract sent', card: blockedDeal() } },
    });
    const { findByTestId, waitFor } = renderDealCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'gate-status').text).toBe('Blocked'));
    findByTestId(LoadingButton, 'recheck').trigger('onClick');
    await waitFor(() =>
      expect(allText(findByTestId(Alert, 'recheck-done'))).toBe('Checked: the deal is still missing items (below). It went back to Contract sent.'),
    );
  });

  it('Re-check that cannot reach the service keeps the card and says what to do', async () => {
    mockServiceFetch({
      [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: blockedDeal() },
      [`POST /api/cards/deals/${DEAL_ID}/recheck`]: 'network-error',
    });
    const { findByTestId, waitFor, mocks } = renderDealCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'gate-status').text).toBe('Blocked'));
    findByTestId(LoadingButton, 'recheck').trigger('onClick');
    await waitFor(() => expect(allText(findByTestId(Alert, 'recheck-failed'))).toContain(`Check that it is running at ${ORIGIN}`));
    expect(findByTestId(StatusTag, 'gate-status').text).toBe('Blocked');
    expect(mocks.actions.refreshObjectProperties.callCount).toBe(0);
  });

  it('service unreachable: an ErrorState that names the origin and permittedUrls, and Try again fetches again', async () => {
    const fetch = mockServiceFetch({
      [`GET /api/cards/deals/${DEAL_ID}`]: ['network-error', { status: 200, body: blockedDeal() }],
    });
    const { findByTestId, waitFor } = renderDealCard();
    await waitFor(() => expect(findByTestId(ErrorState, 'problem-unreachable').props.title).toBe("Throughline's service did not answer"));
    expect(allText(findByTestId(ErrorState, 'problem-unreachable'))).toContain(
      `Check that it is running at ${ORIGIN} and that the app's permittedUrls include it.`,
    );
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(StatusTag, 'gate-status').text).toBe('Blocked'));
    expect(requests(fetch)).toEqual([
      ['GET', DEAL_URL],
      ['GET', DEAL_URL],
    ]);
  });

  it('a gateway error without the service’s own answer also counts as unreachable', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 504, body: 'upstream timed out' } });
    const { findByTestId, waitFor } = renderDealCard();
    await waitFor(() => expect(allText(findByTestId(ErrorState, 'problem-unreachable'))).toContain('HTTP 504'));
  });

  it('service error: the service’s own message and a retry', async () => {
    mockServiceFetch({
      [`GET /api/cards/deals/${DEAL_ID}`]: {
        status: 503,
        body: { error: 'hubspot_rate_limited', message: 'HubSpot is rate-limiting the service; try again shortly.' },
      },
    });
    const { findByTestId, waitFor } = renderDealCard();
    await waitFor(() => expect(findByTestId(ErrorState, 'problem-failed').props.title).toBe('The deal could not be loaded'));
    expect(allText(findByTestId(ErrorState, 'problem-failed'))).toContain('HubSpot is rate-limiting the service; try again shortly.');
    expect(findByTestId(Button, 'retry')).toBeTruthy();
  });

  it('a refused signature, a deleted deal and an answer in an unknown shape each say what to do', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 401, body: { error: 'invalid_signature', message: 'signature mismatch' } } });
    let r = renderDealCard();
    await r.waitFor(() => expect(allText(r.findByTestId(ErrorState, 'problem-refused'))).toContain('HUBSPOT_CLIENT_SECRET'));
    jest.restoreAllMocks();

    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 404, body: { error: 'not_found', message: 'Deal 123 was not found.' } } });
    r = renderDealCard();
    await r.waitFor(() => expect(r.findByTestId(ErrorState, 'problem-not-found').props.title).toBe('Throughline cannot find this deal'));
    jest.restoreAllMocks();

    const { gate: _gate, ...withoutGate } = blockedDeal();
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: withoutGate } });
    r = renderDealCard();
    await r.waitFor(() => expect(allText(r.findByTestId(ErrorState, 'problem-unexpected'))).toContain('gate'));
  });
});
