import { StatisticsItem, StatusTag, Table, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { CompanyCard } from '../../../extensions/app/cards/CompanyCard';
import type { CompanyCardData } from '../../../extensions/app/cards/shared/card-data';
import { ORIGIN, company } from './fixtures';
import { companyInDelivery } from './delivery-fixtures';
import { allText, mockServiceFetch } from './fetch-mock';

const COMPANY_ID = 301;

async function renderCompanyCard(body: CompanyCardData) {
  mockServiceFetch({ [`GET /api/cards/companies/${COMPANY_ID}`]: { status: 200, body } });
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectId = COMPANY_ID;
  renderer.mocks.context.variables = { SERVICE_ORIGIN: ORIGIN };
  renderer.render(<CompanyCard />);
  await renderer.waitFor(() => expect(renderer.findByTestId(Table, 'engagements')).toBeTruthy());
  return renderer;
}

const headers = (r: Awaited<ReturnType<typeof renderCompanyCard>>) =>
  r
    .findByTestId(Table, 'engagements')
    .findAll(TableHeader)
    .map((h) => allText(h));

afterEach(() => jest.restoreAllMocks());

describe('company card: delivery across engagements', () => {
  it('every engagement’s health and margin in the table; a deal not in delivery says so', async () => {
    const r = await renderCompanyCard(companyInDelivery());
    expect(headers(r)).toEqual(['Deal', 'Close gate', 'Scope', 'Contract', 'Renews', 'Delivery health', 'Margin']);
    expect(r.findByTestId(StatusTag, 'engagement-health-123').text).toBe('Off track');
    expect(r.findByTestId(StatusTag, 'engagement-health-123').props.variant).toBe('danger');
    expect(r.findByTestId(Text, 'engagement-margin-123').text).toBe('12% (planned 35%)');
    const rows = r.findByTestId(Table, 'engagements').findAll(TableRow).slice(1);
    expect(allText(rows[0]!)).toContain('Not in delivery');
  });

  it('a margin the service cannot judge yet is said so, not 0%', async () => {
    const data = companyInDelivery();
    data.engagements[1]!.delivery = { health: 'not_started', healthLabel: null, plannedMarginPct: 35, marginPct: null };
    const r = await renderCompanyCard(data);
    expect(r.findByTestId(StatusTag, 'engagement-health-123').text).toBe('Not started');
    expect(r.findByTestId(Text, 'engagement-margin-123').text).toBe('Not enough data to say');
  });

  it('the account’s totals: billed and outstanding in the account’s currency, absorbed hours', async () => {
    const r = await renderCompanyCard(companyInDelivery());
    expect(r.findByTestId(StatisticsItem, 'account-billed').props.number).toBe('€90,000');
    expect(r.findByTestId(StatisticsItem, 'account-outstanding').props.number).toBe('€45,000');
    expect(r.findByTestId(StatisticsItem, 'account-absorbed').props.number).toBe('24 hours');
  });

  it('totals without invoices: billed and outstanding are unknown, not zero', async () => {
    const r = await renderCompanyCard({ ...companyInDelivery(), accountTotals: { currency: 'EUR', billed: null, outstanding: null, absorbedHours: 0 } });
    expect(r.findByTestId(StatisticsItem, 'account-billed').props.number).toBe('—');
    expect(allText(r.findByTestId(StatisticsItem, 'account-billed'))).toBe('Not enough data to say: invoices are not read');
    expect(r.findByTestId(StatisticsItem, 'account-absorbed').props.number).toBe('0 hours');
  });

  it('a service that sends no delivery yet: the table and summary stay as they were', async () => {
    const r = await renderCompanyCard(company());
    expect(headers(r)).toEqual(['Deal', 'Close gate', 'Scope', 'Contract', 'Renews']);
    expect(r.maybeFindByTestId(StatisticsItem, 'account-billed')).toBeNull();
  });
});
