import { Alert, Button, EmptyState, ErrorState, LoadingSpinner, StatisticsItem, StatusTag, Table, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { CompanyCard } from '../../../extensions/app/cards/CompanyCard';
import { ORIGIN, company } from './fixtures';
import { allText, eventually, mockServiceFetch, requests } from './fetch-mock';

const COMPANY_ID = 301;
const COMPANY_URL = `${ORIGIN}/api/cards/companies/${COMPANY_ID}`;
const ROUTE = `GET /api/cards/companies/${COMPANY_ID}`;

function renderCompanyCard() {
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectId = COMPANY_ID;
  renderer.mocks.context.crm.objectTypeId = '0-2';
  renderer.mocks.context.variables = { SERVICE_ORIGIN: ORIGIN };
  renderer.render(<CompanyCard />);
  return renderer;
}

afterEach(() => jest.restoreAllMocks());

describe('company card', () => {
  it('shows a labelled spinner while the service answers, after one GET of the company card', async () => {
    const fetch = mockServiceFetch({ [ROUTE]: 'never' });
    const { findByTestId } = renderCompanyCard();
    expect(findByTestId(LoadingSpinner, 'loading').props.label).toBe('Loading the customer…');
    await eventually(() => expect(requests(fetch)).toEqual([['GET', COMPANY_URL]]));
  });

  it('customer status with reason, since when, and its history', async () => {
    mockServiceFetch({ [ROUTE]: { status: 200, body: company() } });
    const { findByTestId, waitFor } = renderCompanyCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'customer-status').text).toBe('At risk'));
    expect(findByTestId(StatusTag, 'customer-status').props.variant).toBe('danger');
    expect(allText(findByTestId(Text, 'customer-status-reason'))).toBe('Two missed milestones');
    const history = findByTestId(Table, 'status-history');
    const rows = history.findAll(TableRow).slice(1);
    expect(rows.map((r) => allText(r))).toEqual(['At risk2 Mar 2027a user', 'Active10 Jan 2027Throughline', 'Onboarding1 Dec 2026Throughline']);
  });

  it('every engagement with its gate, scope and contract; the next renewal and the cancel-by deadline', async () => {
    mockServiceFetch({ [ROUTE]: { status: 200, body: company() } });
    const { findByTestId, waitFor } = renderCompanyCard();
    await waitFor(() => expect(findByTestId(Table, 'engagements')).toBeTruthy());
    expect(findByTestId(StatusTag, 'engagement-gate-123').text).toBe('Passed');
    expect(findByTestId(StatusTag, 'engagement-gate-124').props.variant).toBe('danger');
    expect(findByTestId(Tag, 'engagement-scope-123').text).toBe('Approved');
    const rows = findByTestId(Table, 'engagements').findAll(TableRow).slice(1);
    expect(allText(rows[0]!)).toContain('No scope');
    expect(allText(rows[1]!)).toContain('Northwind MSA (Active)');
    expect(allText(rows[1]!)).toContain('1 Dec 2027 (in 365 days)');

    const next = findByTestId(StatisticsItem, 'next-renewal');
    expect(next.props.number).toBe('1 Dec 2027');
    expect(allText(next)).toBe('Northwind MSA, in 30 days');
    expect(allText(findByTestId(Alert, 'notice-deadline'))).toContain('unless notice is given by 2 Oct 2027');
  });

  it('open renewal tasks, overdue ones marked', async () => {
    mockServiceFetch({ [ROUTE]: { status: 200, body: company() } });
    const { findByTestId, waitFor } = renderCompanyCard();
    await waitFor(() => expect(findByTestId(Table, 'renewal-tasks')).toBeTruthy());
    const rows = findByTestId(Table, 'renewal-tasks').findAll(TableRow).slice(1);
    expect(rows).toHaveLength(1);
    expect(allText(rows[0]!)).toContain('Northwind MSA renews 2027-12-01 (60-day reminder)');
    expect(findByTestId(Tag, 'task-overdue-901').text).toBe('Overdue');
  });

  it('a company with nothing yet: designed empty states', async () => {
    mockServiceFetch({
      [ROUTE]: { status: 200, body: { ...company(), customerStatus: null, engagements: [], nextRenewal: null, renewalTasks: [] } },
    });
    const { findByTestId, maybeFindByTestId, waitFor } = renderCompanyCard();
    await waitFor(() => expect(findByTestId(EmptyState, 'engagements-empty').props.title).toBe('No engagements yet'));
    expect(allText(findByTestId(Text, 'customer-status-none'))).toContain('starts as Onboarding');
    expect(allText(findByTestId(Text, 'tasks-empty'))).toContain('No open renewal tasks');
    expect(findByTestId(StatisticsItem, 'next-renewal').props.number).toBe('None');
    expect(maybeFindByTestId(Alert, 'notice-deadline')).toBeNull();
  });

  it('a renewal date that has passed is said plainly', async () => {
    const data = company();
    mockServiceFetch({ [ROUTE]: { status: 200, body: { ...data, nextRenewal: { ...data.nextRenewal!, daysToRenewal: -3 } } } });
    const { findByTestId, waitFor } = renderCompanyCard();
    await waitFor(() => expect(allText(findByTestId(Alert, 'renewal-overdue'))).toContain('was due to renew on 1 Dec 2027'));
  });

  it('service unreachable: what to do, and Try again', async () => {
    const fetch = mockServiceFetch({ [ROUTE]: ['network-error', { status: 200, body: company() }] });
    const { findByTestId, waitFor } = renderCompanyCard();
    await waitFor(() => expect(allText(findByTestId(ErrorState, 'problem-unreachable'))).toContain(`running at ${ORIGIN}`));
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(StatusTag, 'customer-status').text).toBe('At risk'));
    expect(requests(fetch)).toEqual([
      ['GET', COMPANY_URL],
      ['GET', COMPANY_URL],
    ]);
  });

  it('service error: the service’s message', async () => {
    mockServiceFetch({
      [ROUTE]: { status: 502, body: { error: 'hubspot_unavailable', message: 'HubSpot could not complete the request (500); try again shortly.' } },
    });
    const { findByTestId, waitFor } = renderCompanyCard();
    await waitFor(() => expect(findByTestId(ErrorState, 'problem-failed').props.title).toBe('The company could not be loaded'));
    expect(allText(findByTestId(ErrorState, 'problem-failed'))).toContain('HubSpot could not complete the request');
  });

  it('Refresh fetches the card again', async () => {
    const fetch = mockServiceFetch({ [ROUTE]: { status: 200, body: company() } });
    const { findByTestId, waitFor } = renderCompanyCard();
    await waitFor(() => expect(findByTestId(StatusTag, 'customer-status')).toBeTruthy());
    findByTestId(Button, 'refresh').trigger('onClick');
    await eventually(() => expect(requests(fetch)).toHaveLength(2));
    await waitFor(() => expect(findByTestId(StatusTag, 'customer-status')).toBeTruthy());
    expect(requests(fetch)[1]).toEqual(['GET', COMPANY_URL]);
  });
});
