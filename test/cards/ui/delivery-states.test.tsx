import { Accordion, BarChart, ErrorState, Flex, ProgressBar, Statistics, StatusTag, Table, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DealCard } from '../../../extensions/app/cards/DealCard';
import type { DealCardData } from '../../../extensions/app/cards/shared/card-data';
import { DEAL_ID, ORIGIN } from './fixtures';
import { dealInDelivery, noDataYetDelivery, offTrackDelivery, partialSourcesDelivery } from './delivery-fixtures';
import { allText, mockServiceFetch } from './fetch-mock';

async function renderDealCard(body: DealCardData) {
  mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body } });
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectId = DEAL_ID;
  renderer.mocks.context.variables = { SERVICE_ORIGIN: ORIGIN };
  renderer.render(<DealCard />);
  await renderer.waitFor(() => expect(renderer.findByTestId(Accordion, 'gate-accordion')).toBeTruthy());
  return renderer;
}

afterEach(() => jest.restoreAllMocks());

describe('delivery section states', () => {
  it('no data yet: "not enough data to say" with the service’s reasons, never zeros', async () => {
    const r = await renderDealCard(dealInDelivery(noDataYetDelivery()));
    expect(r.findByTestId(StatusTag, 'delivery-health').text).toBe('Not started');
    expect(allText(r.findByTestId(Text, 'delivery-phase'))).toBe('Phase: not set on the scope yet');
    expect(r.findAll(Text, (n) => allText(n) === 'Not enough data to say:')).toHaveLength(1);
    for (const reason of noDataYetDelivery().missing) expect(r.findAll(Text, (n) => allText(n) === reason)).toHaveLength(1);

    expect(allText(r.findByTestId(Text, 'burn-unknown'))).toBe('Hours burned: not enough data to say.');
    expect(allText(r.findByTestId(Text, 'time-unknown'))).toBe('Timeline elapsed: not enough data to say (no start and end date yet).');
    expect(allText(r.findByTestId(Text, 'margin-unknown'))).toBe('Margin: not enough data to say.');
    expect(allText(r.findByTestId(Text, 'billing-unknown'))).toBe('Billing: no invoices on this deal yet.');
    expect(r.findAll(ProgressBar).map((p) => p.props.testId)).toEqual(['gate-progress']);
    expect(r.maybeFindByTestId(BarChart, 'margin-chart')).toBeNull();
    expect(r.maybeFindByTestId(Statistics, 'billing')).toBeNull();

    expect(allText(r.findByTestId(Text, 'change-orders-empty'))).toContain('No change orders yet');
    expect(r.findByTestId(Text, 'tickets-none').text).toBe('No open tickets.');
    expect(allText(r.findByTestId(Text, 'next-milestone'))).toBe('Next milestone: none set on the scope.');
    expect(allText(r.findByTestId(Flex, 'delivery'))).not.toMatch(/\$0\b|\b0 hours|\b0%/);
  });

  it('partial sources: invoices unavailable says so where billing would be, tickets off in this portal, the rest renders', async () => {
    const r = await renderDealCard(dealInDelivery(partialSourcesDelivery()));
    expect(allText(r.findByTestId(Text, 'billing-unknown'))).toBe(
      'Billing: Invoices could not be read just now (HubSpot answered 503). The rest is up to date; this part shows again on the next check.',
    );
    expect(r.maybeFindByTestId(Statistics, 'billing')).toBeNull();
    expect(allText(r.findByTestId(Text, 'tickets-unknown'))).toBe('This portal does not use tickets with Throughline, so they are not shown.');
    expect(r.findByTestId(ProgressBar, 'burn-hours').props.valueDescription).toBe('672 hours of 960 hours (70%)');
    expect(r.findByTestId(BarChart, 'margin-chart')).toBeTruthy();
    expect(r.findByTestId(Table, 'change-orders')).toBeTruthy();
    // Projects are off in this portal too, which is normal (hours come from the Scope): not worth a word.
    expect(r.maybeFindByTestId(Text, 'hours-source-problem')).toBeNull();
  });

  it('off track: the danger tag, the reasons, burn over 100% in red with the hours over, a late milestone', async () => {
    const r = await renderDealCard(dealInDelivery(offTrackDelivery()));
    expect(r.findByTestId(StatusTag, 'delivery-health').text).toBe('Off track');
    expect(r.findByTestId(StatusTag, 'delivery-health').props.variant).toBe('danger');
    expect(allText(r.findByTestId(Text, 'margin-summary'))).toContain('now 12%: 23 points lost');
    for (const reason of offTrackDelivery().reasons) expect(r.findAll(Text, (n) => allText(n) === reason)).toHaveLength(1);
    expect(r.findByTestId(ProgressBar, 'burn-hours').props).toMatchObject({
      value: 960,
      maxValue: 960,
      valueDescription: '1,150 hours of 960 hours (120%), 190 hours over budget',
      variant: 'danger',
    });
    expect(allText(r.findByTestId(Text, 'next-milestone'))).toBe('Next milestone: Payment integration live, 15 Jan 2027 (5 days ago): overdue');
  });

  it('source unavailable: the projects read failed, so the hours say why they may be stale', async () => {
    const r = await renderDealCard(dealInDelivery(offTrackDelivery()));
    expect(allText(r.findByTestId(Text, 'hours-source-problem'))).toBe(
      'Hours: Projects could not be read just now (Projects object not readable). The rest is up to date; this part shows again on the next check.',
    );
  });

  it('a health label from the portal wins over the card’s words, and an unknown currency still shows the amount', async () => {
    const r = await renderDealCard(dealInDelivery({ ...offTrackDelivery(), healthLabel: 'Red', currency: 'XYZ' }));
    expect(r.findByTestId(StatusTag, 'delivery-health').text).toBe('Red');
    expect(allText(r.findByTestId(Text, 'change-orders-summary'))).toContain('XYZ');
  });

  it('a delivery section in a shape the card does not read shows the out-of-step state, naming the field', async () => {
    mockServiceFetch({ [`GET /api/cards/deals/${DEAL_ID}`]: { status: 200, body: dealInDelivery({ ...offTrackDelivery(), health: 'amber' as never }) } });
    const r = createRenderer('crm.record.tab');
    r.mocks.context.crm.objectId = DEAL_ID;
    r.mocks.context.variables = { SERVICE_ORIGIN: ORIGIN };
    r.render(<DealCard />);
    await r.waitFor(() => expect(allText(r.findByTestId(ErrorState, 'problem-unexpected'))).toContain('delivery.health'));
  });
});
