import { buildCompanyCard, changedBy, HISTORY_SHOWN, type CompanyCardInput } from '../../src/cards/build-company-card';
import { statusLabels } from '../../src/cards/card-fields';
import type { CrmRecord, HistoryEntry, Pipeline } from '../../src/hubspot/types';
import { loadModel } from '../../src/model';
import { RENEWAL_MARKER } from '../../src/renewals/task-content';
import { companyCardDataSchema } from '../../extensions/app/cards/shared/card-data';

const model = loadModel('schemas');
const APP_ID = '1234567';

const record = (id: string, properties: Record<string, string | null>, history: Record<string, HistoryEntry[]> = {}): CrmRecord => ({
  id,
  properties,
  history,
});
const change = (value: string, timestamp: string, sourceType: string, sourceId?: string): HistoryEntry => ({
  value,
  timestamp,
  sourceType,
  ...(sourceId ? { sourceId } : {}),
});

const pipelines: Pipeline[] = [
  {
    id: 'default',
    label: 'Sales Pipeline',
    displayOrder: 0,
    stages: [
      { id: 'contractsent', label: 'Contract sent', displayOrder: 1, isClosed: false, probability: 0.9 },
      { id: 'closedwon', label: 'Closed won', displayOrder: 2, isClosed: true, probability: 1 },
    ],
  },
];

const contract = (id: string, props: Record<string, string>) =>
  record(id, {
    contract_name: `Contract ${id}`,
    contract_status: 'active',
    renewal_date: '2027-12-01',
    auto_renew: 'false',
    notice_period_days: '60',
    ...props,
  });

function input(overrides: Partial<CompanyCardInput> = {}): CompanyCardInput {
  return {
    company: record('301', { name: 'Northwind Labs' }),
    customerStatus: record(
      '701',
      { status: 'at_risk', status_reason: 'Two missed milestones', status_changed_at: '2027-03-01T23:30:00Z' },
      {
        status: [
          change('at_risk', '2027-03-01T23:30:00Z', 'CRM_UI'),
          change('active', '2027-01-10T09:00:00Z', 'INTEGRATION', APP_ID),
          change('onboarding', '2026-12-01T10:00:00Z', 'INTEGRATION', APP_ID),
        ],
      },
    ),
    deals: [
      {
        deal: record('123', { dealname: 'Checkout rebuild', dealstage: 'closedwon', pipeline: 'default', gate_status: 'passed' }),
        scopes: [
          record('501', { scope_name: 'Old', delivery_approved: 'false', scope_status: 'superseded' }),
          record('502', { scope_name: 'Checkout v1', delivery_approved: 'true', scope_status: 'approved' }),
        ],
        contracts: [
          contract('601', { contract_status: 'draft', renewal_date: '2027-06-01' }),
          contract('602', { renewal_date: '2027-12-01', auto_renew: 'true' }),
        ],
      },
      {
        deal: record('124', { dealname: 'Phase 2', dealstage: 'contractsent', pipeline: 'default', gate_status: null }),
        scopes: [],
        contracts: [],
      },
    ],
    companyContracts: [contract('603', { renewal_date: '2028-02-01' })],
    tasks: [
      record('901', {
        hs_task_subject: `${RENEWAL_MARKER} Northwind — MSA renews 2027-12-01 (60-day reminder)`,
        hs_task_status: 'NOT_STARTED',
        hs_timestamp: '2027-10-02T09:00:00.000Z',
        hubspot_owner_id: '7003',
      }),
      record('902', {
        hs_task_subject: `${RENEWAL_MARKER} Northwind — MSA renews 2027-12-01 (90-day reminder)`,
        hs_task_status: 'COMPLETED',
        hs_timestamp: '2027-09-02T09:00:00.000Z',
      }),
      record('903', {
        hs_task_subject: '[Throughline close gate] Phase 2: 3 items missing',
        hs_task_status: 'NOT_STARTED',
        hs_timestamp: '2027-01-01T09:00:00.000Z',
      }),
      record('904', {
        hs_task_subject: `${RENEWAL_MARKER} Cancel-by deadline 2027-10-02: Northwind — MSA auto-renews 2027-12-01`,
        hs_task_status: 'NOT_STARTED',
        hs_timestamp: '2027-09-25T09:00:00.000Z',
      }),
    ],
    pipelines,
    scopeDisplay: 'scope_name',
    labels: statusLabels(model),
    objectTypes: { scope: '2-1001', contract: '2-1002', customerStatus: '2-1003' },
    renewalMarker: RENEWAL_MARKER,
    appId: APP_ID,
    timeZone: 'Europe/Berlin',
    currency: 'USD',
    now: new Date('2027-11-01T10:00:00Z'),
    ...overrides,
  };
}

describe('buildCompanyCard (pure)', () => {
  it('answers what the cards read (the shared schema)', () => {
    expect(() => companyCardDataSchema.parse(buildCompanyCard(input()))).not.toThrow();
  });

  it('customer status: label, reason, since (in the portal time zone), history newest first with who changed it', () => {
    const card = buildCompanyCard(input());
    expect(card.customerStatus).toMatchObject({ status: 'at_risk', statusLabel: 'At risk', reason: 'Two missed milestones', since: '2027-03-02' });
    expect(card.customerStatus!.history).toEqual([
      { status: 'at_risk', statusLabel: 'At risk', at: '2027-03-01T23:30:00Z', date: '2027-03-02', by: 'a user' },
      { status: 'active', statusLabel: 'Active', at: '2027-01-10T09:00:00Z', date: '2027-01-10', by: 'Throughline' },
      { status: 'onboarding', statusLabel: 'Onboarding', at: '2026-12-01T10:00:00Z', date: '2026-12-01', by: 'Throughline' },
    ]);
  });

  it('since falls back to the history when the changed-at property is empty; history is capped', () => {
    const many = Array.from({ length: 8 }, (_, i) => change(i % 2 ? 'active' : 'renewal', `2027-0${9 - i}-01T08:00:00Z`, 'AUTOMATION_PLATFORM'));
    const card = buildCompanyCard(input({ customerStatus: record('701', { status: 'renewal', status_changed_at: null }, { status: many }) }));
    expect(card.customerStatus!.since).toBe('2027-09-01');
    expect(card.customerStatus!.history).toHaveLength(HISTORY_SHOWN);
    expect(card.customerStatus!.history[0]!.by).toBe('a workflow');
  });

  it('engagements: newest deal first, stage label, recorded gate status (else not checked), the approved scope and the active contract', () => {
    const card = buildCompanyCard(input());
    expect(card.engagements.map((e) => [e.dealId, e.stage, e.gateStatus])).toEqual([
      ['124', 'Contract sent', 'not_checked'],
      ['123', 'Closed won', 'passed'],
    ]);
    const closed = card.engagements[1]!;
    expect(closed.scope).toEqual({ id: '502', name: 'Checkout v1', status: 'approved', statusLabel: 'Approved', approved: true });
    expect(closed.contract).toMatchObject({ id: '602', renewalDate: '2027-12-01', daysToRenewal: 30, autoRenew: true, noticeDeadline: '2027-10-02' });
    expect(card.engagements[0]).toMatchObject({ scope: null, contract: null });
  });

  it("contract values carry the deal's currency, else the portal's", () => {
    const priced = (deal: Record<string, string>) =>
      input({
        deals: [
          {
            deal: record('123', { dealname: 'Checkout rebuild', dealstage: 'closedwon', pipeline: 'default', ...deal }),
            scopes: [],
            contracts: [contract('602', { contract_value: '180000' })],
          },
        ],
      });
    expect(buildCompanyCard(priced({ deal_currency_code: 'EUR' })).engagements[0]!.contract).toMatchObject({ value: 180000, valueText: '€180,000' });
    expect(buildCompanyCard(priced({})).engagements[0]!.contract!.valueText).toBe('US$180,000');
  });

  it('the next renewal: earliest active or renewing contract across engagements and the company, drafts ignored', () => {
    expect(buildCompanyCard(input()).nextRenewal).toEqual({
      date: '2027-12-01',
      daysToRenewal: 30,
      contractId: '602',
      contractName: 'Contract 602',
      dealId: '123',
      autoRenew: true,
      noticeDeadline: '2027-10-02',
    });
    const onlyCompany = buildCompanyCard(input({ deals: [] }));
    expect(onlyCompany.nextRenewal).toMatchObject({ contractId: '603', dealId: null, date: '2028-02-01' });
    expect(buildCompanyCard(input({ deals: [], companyContracts: [] })).nextRenewal).toBeNull();
  });

  it('open renewal tasks only (Throughline renewal marker, not completed), soonest first, marker removed', () => {
    expect(buildCompanyCard(input()).renewalTasks).toEqual([
      {
        id: '904',
        subject: 'Cancel-by deadline 2027-10-02: Northwind — MSA auto-renews 2027-12-01',
        dueDate: '2027-09-25',
        status: 'NOT_STARTED',
        ownerId: null,
      },
      { id: '901', subject: 'Northwind — MSA renews 2027-12-01 (60-day reminder)', dueDate: '2027-10-02', status: 'NOT_STARTED', ownerId: '7003' },
    ]);
  });

  it('a company without status or deals; today in the portal time zone', () => {
    const card = buildCompanyCard(input({ customerStatus: undefined, deals: [], companyContracts: [], tasks: [], now: new Date('2027-11-01T23:30:00Z') }));
    expect(card).toMatchObject({ customerStatus: null, engagements: [], nextRenewal: null, renewalTasks: [], today: '2027-11-02' });
  });

  it('says who changed a status in words', () => {
    expect(changedBy({ sourceType: 'INTEGRATION', sourceId: APP_ID }, APP_ID)).toBe('Throughline');
    expect(changedBy({ sourceType: 'INTEGRATION', sourceId: '999' }, APP_ID)).toBe('an integration');
    expect(changedBy({ sourceType: 'CRM_UI_BULK_ACTION' }, APP_ID)).toBe('a user');
    expect(changedBy({ sourceType: 'IMPORT' }, APP_ID)).toBe('an import');
    expect(changedBy({ sourceType: 'SALES_EMAIL' }, APP_ID)).toBe('sales email');
  });
});
