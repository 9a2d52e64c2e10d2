import { Accordion, BarChart, Flex, List, ProgressBar, StatisticsItem, StatusTag, Table, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { DealCard } from '../../../extensions/app/cards/DealCard';
import { DEAL_ID, ORIGIN, blockedDeal, passedDeal } from './fixtures';
import { CHANGE_ORDER_TYPE, atRiskDelivery, dealInDelivery } from './delivery-fixtures';
import { allText, mockServiceFetch } from './fetch-mock';
import type { DealCardData } from '../../../extensions/app/cards/shared/card-data';

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

interface Walkable {
  nodeType: string;
  props?: { testId?: unknown };
  childNodes?: Walkable[];
}
/** testIds in the order the card shows them. */
function testIdsInOrder(node: Walkable): string[] {
  const own = typeof node.props?.testId === 'string' ? [node.props.testId] : [];
  return [...own, ...(node.childNodes ?? []).flatMap(testIdsInOrder)];
}

afterEach(() => jest.restoreAllMocks());

describe('deal card in delivery', () => {
  it('shows the Delivery section before the close gate, and folds the passed gate away', async () => {
    const r = await renderDealCard(dealInDelivery());
    const order = testIdsInOrder(r.getRootNode() as unknown as Walkable);
    expect(order.indexOf('delivery')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('delivery')).toBeLessThan(order.indexOf('gate-accordion'));
    const gate = r.findByTestId(Accordion, 'gate-accordion');
    expect(gate.props).toMatchObject({ title: 'Close gate: Passed', defaultOpen: false });
  });

  it('keeps the gate open while it is not passed, or when an item no longer holds, and shows no Delivery section without data', async () => {
    let r = await renderDealCard(blockedDeal());
    expect(r.findByTestId(Accordion, 'gate-accordion').props.defaultOpen).toBe(true);
    expect(r.maybeFindByTestId(Flex, 'delivery')).toBeNull();
    jest.restoreAllMocks();

    const passed = passedDeal();
    r = await renderDealCard({ ...passed, gate: { ...passed.gate, items: passed.gate.items.map((i, n) => ({ ...i, passed: n > 0 })) } });
    expect(r.findByTestId(Accordion, 'gate-accordion').props.defaultOpen).toBe(true);
  });

  it('at risk: health, phase, reasons, burn against time elapsed, billing with the currency, the next milestone in words', async () => {
    const r = await renderDealCard(dealInDelivery());
    expect(r.findByTestId(StatusTag, 'delivery-health').text).toBe('At risk');
    expect(r.findByTestId(StatusTag, 'delivery-health').props.variant).toBe('warning');
    expect(allText(r.findByTestId(Text, 'delivery-phase'))).toBe('Phase: Build');
    expect(r.findByTestId(List, 'delivery-reasons').findAll(Text).map(allText)).toEqual(atRiskDelivery().reasons);

    expect(r.findByTestId(ProgressBar, 'burn-hours').props).toMatchObject({
      value: 672,
      maxValue: 960,
      valueDescription: '672 hours of 960 hours (70%)',
      variant: 'warning',
    });
    expect(r.findByTestId(ProgressBar, 'burn-time').props).toMatchObject({ value: 50, maxValue: 100, valueDescription: '50% of the time' });

    expect(r.findByTestId(StatisticsItem, 'billing-billed').props.number).toBe('$90,000');
    expect(r.findByTestId(StatisticsItem, 'billing-outstanding').props.number).toBe('$45,000');
    expect(r.findByTestId(StatisticsItem, 'billing-overdue').props.number).toBe('$12,500');
    expect(allText(r.findByTestId(StatisticsItem, 'billing-overdue'))).toContain('chase it');
    expect(allText(r.findByTestId(Text, 'next-milestone'))).toBe('Next milestone: Payment integration live, 15 Jan 2027 (in 12 days)');
  });

  it('margin: planned against now in words and a stacked bar per cause of the points lost', async () => {
    const r = await renderDealCard(dealInDelivery());
    expect(allText(r.findByTestId(Text, 'margin-summary'))).toBe(
      'Margin planned 35%, now 27%: 8.4 points lost (Absorbed change orders 5.2 points, Hours over the estimate 3.2 points).',
    );
    const chart = r.findByTestId(BarChart, 'margin-chart');
    expect(chart.props.data).toEqual([
      { bar: 'Planned', part: 'Margin', points: 35 },
      { bar: 'Now', part: 'Margin', points: 27 },
      { bar: 'Now', part: 'Lost: Absorbed change orders', points: 5.2 },
      { bar: 'Now', part: 'Lost: Hours over the estimate', points: 3.2 },
    ]);
    expect(chart.props.axes).toMatchObject({
      x: { field: 'bar', fieldType: 'category' },
      y: { field: 'points', fieldType: 'linear' },
      options: { groupFieldByColor: 'part', stacking: true },
    });
  });

  it('change orders: pending first (oldest first), billed against absorbed, causes in words', async () => {
    const r = await renderDealCard(dealInDelivery());
    const rows = r.findByTestId(Table, 'change-orders').findAll(TableRow).slice(1);
    expect(rows.map((row) => allText(row))).toEqual([
      'Gift cardsThe client asked for itPending decision8 hours$1,2009 days ago',
      'Saved cartsMissing from the scopePending decision16 hours—3 days ago',
      'Guest checkoutClient asked for moreBilled40 hours$6,00030 days ago',
      'Apple PayPromised during the saleAbsorbed24 hours$3,60020 days ago',
    ]);
    expect(r.findByTestId(Tag, 'change-order-decision-802').props.variant).toBe('error');
    expect(allText(r.findByTestId(Text, 'change-orders-summary'))).toBe(
      'Billed: 1 change order, 40 hours, $6,000; absorbed: 1 change order, 24 hours; waiting for a decision: 2.',
    );
  });

  it('Log a change order opens HubSpot’s create form for a change order associated with the deal', async () => {
    const r = await renderDealCard(dealInDelivery());
    const button = r.findByTestId(CrmActionButton, 'log-change-order');
    expect(button.text).toBe('Log a change order');
    expect(button.props.actionType).toBe('OPEN_RECORD_ASSOCIATION_FORM');
    expect(button.props.actionContext).toEqual({ objectTypeId: CHANGE_ORDER_TYPE, association: { objectTypeId: '0-3', objectId: DEAL_ID } });
    button.trigger('onError', ['You do not have permission to create Change orders'] as never);
    expect(r.mocks.actions.addAlert.calls[0]![0]).toMatchObject({ type: 'danger', message: expect.stringContaining('permission') });
  });

  it('open tickets: how many, how many urgent, the oldest with their priority', async () => {
    const r = await renderDealCard(dealInDelivery());
    expect(allText(r.findByTestId(Text, 'tickets-count'))).toBe('3 open tickets, 1 urgent');
    expect(r.findByTestId(Tag, 'ticket-priority-1001').text).toBe('Urgent');
    expect(r.findByTestId(Tag, 'ticket-priority-1001').props.variant).toBe('error');
    expect(allText(r.findByTestId(List, 'tickets'))).toContain('Typo on the receiptLowopen 1 day');
  });
});
