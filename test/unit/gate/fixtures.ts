import { resolveGateRules } from '../../../src/gate/resolve-rules';
import type { GateContext, LinkedRecord, ResolvedGateRule } from '../../../src/gate/types';
import type { CrmRecord, Pipeline } from '../../../src/hubspot/types';
import { loadModel } from '../../../src/model';

export const model = loadModel('schemas');
export const rule: ResolvedGateRule = resolveGateRules(model)[0]!;

export const completeDealProps = {
  dealname: 'Acme website rebuild',
  handoff_business_problem: 'Checkout abandons at 70%',
  handoff_why_us: 'Ecommerce references',
  handoff_promised_outcomes: 'Abandonment under 40%',
  handoff_sale_promises: 'Weekly demo on Fridays',
  handoff_key_stakeholders: 'CMO (decides), CTO (skeptic)',
  handoff_first_milestone: 'Discovery readout',
};

export const approvedScope: LinkedRecord = {
  id: '301',
  properties: {
    scope_name: 'Rebuild v1',
    deliverables: 'New checkout',
    in_scope: 'Web',
    out_of_scope: 'Mobile apps',
    proposal_timeline_weeks: '12',
    delivery_timeline_weeks: '12',
    proposal_hours: '800',
    delivery_estimate_hours: '800',
    delivery_approved: 'true',
  },
};

export const completeContract: LinkedRecord = {
  id: '401',
  properties: {
    contract_name: 'MSA 2027',
    start_date: '2027-01-01',
    term_months: '12',
    renewal_date: '2028-01-01',
    auto_renew: 'true',
    notice_period_days: '60',
    contract_status: 'draft',
  },
};

export function context(over: Partial<GateContext> = {}): GateContext {
  return {
    deal: { id: '101', properties: { ...completeDealProps } },
    scopes: [approvedScope],
    contracts: [completeContract],
    ...over,
  };
}

export const pipeline: Pipeline = {
  id: 'default',
  label: 'Sales Pipeline',
  displayOrder: 0,
  stages: [
    { id: 'appointmentscheduled', label: 'Appointment scheduled', displayOrder: 0, isClosed: false, probability: 0.2 },
    { id: 'contractsent', label: 'Contract sent', displayOrder: 1, isClosed: false, probability: 0.9 },
    { id: 'closedwon', label: 'Closed won', displayOrder: 2, isClosed: true, probability: 1 },
    { id: 'closedlost', label: 'Closed lost', displayOrder: 3, isClosed: true, probability: 0 },
  ],
};

export const servicesPipeline: Pipeline = {
  id: 'services',
  label: 'Services',
  displayOrder: 1,
  stages: [
    { id: 'svc_qualify', label: 'Qualify', displayOrder: 0, isClosed: false, probability: 0.1 },
    { id: 'svc_proposal', label: 'Proposal', displayOrder: 1, isClosed: false, probability: 0.5 },
    { id: 'svc_signed', label: 'Signed', displayOrder: 2, isClosed: true, probability: 1 },
    { id: 'svc_lost', label: 'Lost', displayOrder: 3, isClosed: true, probability: 0 },
  ],
};

export function dealRecord(props: Record<string, string>, stageHistory: Array<[string, string, string?]>, extra: Partial<CrmRecord> = {}): CrmRecord {
  return {
    id: '101',
    properties: { pipeline: 'default', hubspot_owner_id: '7001', ...completeDealProps, ...props },
    history: {
      dealstage: stageHistory.map(([value, timestamp, sourceType]) => ({ value, timestamp, sourceType: sourceType ?? 'CRM_UI' })),
    },
    createdAt: '2026-11-02T00:00:00.000Z',
    ...extra,
  };
}
