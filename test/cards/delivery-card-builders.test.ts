import { dealCardInput } from './deal-card-input';
import { buildCompanyCard, type CompanyCardInput } from '../../src/cards/build-company-card';
import { buildDealCard, type DealCardInput } from '../../src/cards/build-deal-card';
import { statusLabels } from '../../src/cards/card-fields';
import { renderDealCardText } from '../../src/cards/render-card-text';
import { renderCompanyCardText } from '../../src/cards/render-company-card-text';
import { deliveryLabels } from '../../src/delivery/delivery-card-section';
import type { CrmRecord } from '../../src/hubspot/types';
import { companyCardDataSchema, dealCardDataSchema } from '../../extensions/app/cards/shared/card-data';
import { atRiskDelivery, companyInDelivery, dealInDelivery } from './ui/delivery-fixtures';
import { approvedScope, completeContract, dealRecord, model, pipeline, rule } from '../unit/gate/fixtures';

const record = (id: string, properties: Record<string, string | null>): CrmRecord => ({ id, properties, history: {} });
const now = new Date('2027-01-12T10:00:00Z');

function companyInput(deliveryProps: Array<Record<string, string>>, withLabels = true): CompanyCardInput {
  return {
    company: record('301', { name: 'Northwind Labs' }),
    customerStatus: undefined,
    deals: deliveryProps.map((p, i) => ({
      deal: record(String(120 + i), { dealname: `Deal ${i}`, dealstage: 'closedwon', pipeline: 'default', gate_status: 'passed', ...p }),
      scopes: [],
      contracts: [],
    })),
    companyContracts: [],
    tasks: [],
    pipelines: [pipeline],
    scopeDisplay: 'scope_name',
    labels: statusLabels(model),
    objectTypes: { scope: '2-1001', contract: '2-1002', customerStatus: '2-1003' },
    renewalMarker: '[Renewal]',
    appId: undefined,
    timeZone: 'UTC',
    currency: 'EUR',
    now,
    ...(withLabels ? { deliveryLabels: deliveryLabels(model) } : {}),
  };
}

describe('company card: each engagement’s health and margin, and the account’s totals (from the deals’ roll-up)', () => {
  const assessed = (health: string, billed: string, outstanding: string, absorbed: string) => ({
    delivery_health: health,
    delivery_planned_margin_pct: '45',
    delivery_margin_now_pct: '38.5',
    delivery_billed_amount: billed,
    delivery_outstanding_amount: outstanding,
    delivery_change_orders_absorbed_hours: absorbed,
  });

  it('adds them up over the assessed engagements; one not yet assessed shows none', () => {
    const card = buildCompanyCard(companyInput([assessed('at_risk', '20000', '5000', '40'), assessed('on_track', '10000', '0', '0'), {}]));
    expect(companyCardDataSchema.parse(card)).toEqual(card);
    expect(card.engagements.map((e) => [e.dealId, e.delivery?.health ?? null, e.delivery?.marginPct ?? null])).toEqual([
      ['122', null, null],
      ['121', 'on_track', 38.5],
      ['120', 'at_risk', 38.5],
    ]);
    expect(card.engagements[2]!.delivery?.healthLabel).toBe('At risk');
    expect(card.accountTotals).toEqual({ currency: 'EUR', billed: 30_000, outstanding: 5_000, absorbedHours: 40 });
    const text = renderCompanyCardText(card);
    expect(text).toContain('Deal 0 (deal 120, Closed won) — gate passed; no scope; no contract; delivery at risk, margin 39 % (planned 45 %)');
    expect(text).toContain('│ Account totals: billed EUR 30,000 · outstanding EUR 5,000 · 40 h absorbed in change orders');
  });

  it('amounts in two currencies are not added up; without the delivery labels (no delivery) nothing is added', () => {
    const mixed = buildCompanyCard(
      companyInput([assessed('on_track', '100', '0', '0'), { ...assessed('on_track', '100', '0', '0'), deal_currency_code: 'USD' }]),
    );
    expect(mixed.accountTotals).toEqual({ currency: null, billed: null, outstanding: null, absorbedHours: 0 });
    const none = buildCompanyCard(companyInput([assessed('on_track', '1', '0', '0')], false));
    expect(none).not.toHaveProperty('accountTotals');
    expect(none.engagements[0]).not.toHaveProperty('delivery');
    expect(renderCompanyCardText(none)).not.toContain('Account totals');
  });
});

describe('deal card: the Delivery section once the gate passed, first in the text', () => {
  function dealInput(delivery?: DealCardInput['delivery']): DealCardInput {
    const deal = dealRecord({ dealstage: 'closedwon', gate_status: 'passed' }, [
      ['closedwon', '2026-11-20T10:00:00Z'],
      ['contractsent', '2026-11-10T00:00:00Z'],
    ]);
    return dealCardInput(
      { deal, scopes: [approvedScope], contracts: [completeContract] },
      { pipeline, rule, now, today: '2027-01-12' },
      delivery !== undefined ? { delivery } : {},
    );
  }

  it('carries the section it is given, and none without one', () => {
    const card = buildDealCard(dealInput(atRiskDelivery()));
    expect(dealCardDataSchema.parse(card).delivery).toEqual(atRiskDelivery());
    expect(buildDealCard(dealInput(null))).not.toHaveProperty('delivery');
    expect(buildDealCard(dealInput())).not.toHaveProperty('delivery');
  });

  it('renders health, reasons, hours, billing, margin, change orders, tickets and the milestone as text, before the gate', () => {
    const text = renderDealCardText(dealInDelivery());
    const lines = text.split('\n');
    expect(lines[1]).toBe('│ Delivery: AT RISK · phase Build');
    expect(lines.findIndex((l) => l.startsWith('│ Delivery:'))).toBeLessThan(lines.findIndex((l) => l.startsWith('│ Close gate:')));
    for (const line of [
      '│   ! 1 change order waits for a decision',
      '│   Hours: 672 h of 960 h (burn 70 %, time elapsed 50 %)',
      '│   Billing: billed USD 90,000 · outstanding USD 45,000 · overdue USD 12,500',
      '│   Margin: planned 35 %, now 27 % (lost: Absorbed change orders 5 points; Hours over the estimate 3 points)',
      '│   Change order “Saved carts” — pending decision, 16 h (scope_gap)',
      '│   Tickets: 3 open, 1 urgent',
      '│     #1001 Payment page times out (URGENT, open 4 d)',
      '│   Next milestone: Payment integration live on 2027-01-15 (12 days to go)',
      '│   [Log a change order]',
    ])
      expect(lines).toContain(line);
    expect(renderCompanyCardText(companyInDelivery())).toContain('delivery off track, margin 12 % (planned 35 %)');
  });
});
