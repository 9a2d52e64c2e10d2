import type { CompanyCardData, DealCardData } from '../../../extensions/app/cards/shared/card-data';

/** Card JSON as the service sends it (the contract test checks the real service against the same schema). */

export const ORIGIN = 'https://throughline.example.com';
export const DEAL_ID = 123;

const HANDOFF = [
  { name: 'handoff_business_problem', label: 'Business problem', value: 'Checkout abandons at 70%.' },
  { name: 'handoff_why_us', label: 'Why they chose us', value: null },
  { name: 'handoff_promised_outcomes', label: 'Promised outcomes', value: 'Abandonment under 40%.' },
  { name: 'handoff_first_milestone_date', label: 'First milestone date', value: '2027-01-15' },
];

export function blockedDeal(): DealCardData {
  return {
    deal: { id: String(DEAL_ID), name: 'Northwind checkout rebuild', stage: 'Contract sent', pipeline: 'Sales Pipeline' },
    gate: {
      status: 'blocked',
      checkedAt: '2026-12-01T10:00:00.000Z',
      checkedAtText: '1 Dec 2026, 11:00 CET',
      live: 'blocked',
      items: [
        { key: 'deal:handoff_business_problem', label: 'Business problem filled in', passed: true, fix: 'Fill in Business problem on the deal' },
        { key: 'deal:handoff_why_us', label: 'Why they chose us filled in', passed: false, fix: 'Fill in Why they chose us on the deal' },
        { key: 'scope:value:delivery_approved', label: 'Delivery approved the scope', passed: false, fix: 'Ask delivery to approve the Scope' },
      ],
      missing: [
        { key: 'deal:handoff_why_us', action: 'Fill in Why they chose us on the deal', needs: [] },
        { key: 'scope:value:delivery_approved', action: 'Ask delivery to approve the Scope', needs: [] },
      ],
      passedCount: 1,
      total: 3,
      overrideReason: null,
      stageLabel: 'Closed won',
    },
    handoff: HANDOFF,
    scope: {
      id: '501',
      name: 'Checkout v1',
      status: 'in_review',
      statusLabel: 'In review',
      approved: false,
      deliverables: 'New checkout flow\nPayment provider integration',
      inScope: 'Web checkout',
      outOfScope: 'Mobile apps',
      comparisons: [
        { label: 'Proposal and delivery timelines agree', proposal: '12', delivery: '14', differs: true },
        { label: 'Proposal hours and delivery estimate agree', proposal: '960', delivery: '960', differs: false },
      ],
      discrepancyResolution: null,
    },
    contract: {
      id: '601',
      name: 'Northwind MSA',
      status: 'draft',
      statusLabel: 'Draft',
      startDate: '2026-12-01',
      termMonths: 12,
      renewalDate: '2027-12-01',
      daysToRenewal: 365,
      autoRenew: true,
      noticeDays: 60,
      noticeDeadline: '2027-10-02',
      value: 180000,
      valueText: '€180,000',
    },
    customerStatus: null,
    companyId: '301',
    objectTypes: { scope: '2-1001', contract: '2-1002' },
    buttons: { addScope: 'Add scope', addContract: 'Add service contract' },
  };
}

export function passedDeal(): DealCardData {
  const d = blockedDeal();
  return {
    ...d,
    deal: { ...d.deal, stage: 'Closed won' },
    gate: { ...d.gate, status: 'passed', live: 'passed', items: d.gate.items.map((i) => ({ ...i, passed: true })), missing: [], passedCount: 3 },
    scope: { ...d.scope!, approved: true, status: 'approved', statusLabel: 'Approved' },
    contract: { ...d.contract!, status: 'active', statusLabel: 'Active' },
    customerStatus: {
      id: '701',
      status: 'onboarding',
      statusLabel: 'Onboarding',
      reason: 'Deal closed',
      changedAt: '2026-11-30T23:30:00.000Z',
      since: '2026-12-01',
    },
  };
}

export function overriddenDeal(): DealCardData {
  const d = blockedDeal();
  return {
    ...d,
    gate: { ...d.gate, status: 'overridden', live: 'overridden', overrideReason: 'CEO signed off; scope lands Monday' },
  };
}

export function dealWithoutScope(): DealCardData {
  const d = blockedDeal();
  return {
    ...d,
    gate: {
      ...d.gate,
      items: [
        d.gate.items[0]!,
        d.gate.items[1]!,
        {
          key: 'scope.count',
          label: 'A Scope is linked to the deal',
          passed: false,
          fix: 'Add a Scope to this deal (the “Add scope” button on the deal card).',
        },
        { key: 'scope.deliverables', label: 'Scope: Deliverables filled in', passed: false, fix: 'Add a Scope, then fill in its Deliverables.' },
        {
          key: 'scope.delivery_approved=true',
          label: 'Scope: Delivery approved is Yes',
          passed: false,
          fix: 'Add a Scope and have delivery set Delivery approved to Yes.',
        },
      ],
      missing: [
        { key: 'deal:handoff_why_us', action: 'Fill in Why they chose us on the deal', needs: [] },
        {
          key: 'add.scope',
          action: 'Add a Scope to this deal (the “Add scope” button on the deal card).',
          needs: ['Deliverables', 'Delivery approved set to Yes by delivery'],
        },
      ],
      total: 5,
    },
    scope: null,
    contract: null,
  };
}

export function company(): CompanyCardData {
  return {
    company: { id: '301', name: 'Northwind Labs' },
    customerStatus: {
      id: '701',
      status: 'at_risk',
      statusLabel: 'At risk',
      reason: 'Two missed milestones',
      changedAt: '2027-03-02T09:00:00.000Z',
      since: '2027-03-02',
      history: [
        { status: 'at_risk', statusLabel: 'At risk', at: '2027-03-02T09:00:00.000Z', date: '2027-03-02', by: 'a user' },
        { status: 'active', statusLabel: 'Active', at: '2027-01-10T09:00:00.000Z', date: '2027-01-10', by: 'Throughline' },
        { status: 'onboarding', statusLabel: 'Onboarding', at: '2026-11-30T23:30:00.000Z', date: '2026-12-01', by: 'Throughline' },
      ],
    },
    engagements: [
      {
        dealId: '124',
        dealName: 'Northwind phase 2',
        stage: 'Contract sent',
        gateStatus: 'blocked',
        scope: null,
        contract: null,
      },
      {
        dealId: '123',
        dealName: 'Northwind checkout rebuild',
        stage: 'Closed won',
        gateStatus: 'passed',
        scope: { id: '501', name: 'Checkout v1', status: 'approved', statusLabel: 'Approved', approved: true },
        contract: passedDeal().contract,
      },
    ],
    nextRenewal: {
      date: '2027-12-01',
      daysToRenewal: 30,
      contractId: '601',
      contractName: 'Northwind MSA',
      dealId: '123',
      autoRenew: true,
      noticeDeadline: '2027-10-02',
    },
    renewalTasks: [
      {
        id: '901',
        subject: 'Northwind Labs — Northwind MSA renews 2027-12-01 (60-day reminder)',
        dueDate: '2027-10-02',
        status: 'NOT_STARTED',
        ownerId: '7003',
      },
    ],
    objectTypes: { scope: '2-1001', contract: '2-1002', customerStatus: '2-1003' },
    today: '2027-11-01',
  };
}
