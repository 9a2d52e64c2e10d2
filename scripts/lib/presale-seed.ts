import { seedScope, type Names } from './seed';
import type { Sandbox } from '@throughline/sandbox';

/**
 * The pre-sale story's data (the demo and the e2e tests): a Monday to start the clock on, a
 * proposal the platform team (160 h a week) can take only later, and the scope already committed
 * that fills weeks 3–5 of the proposal.
 */
export const PRESALE_NOW = new Date('2027-03-01T09:00:00Z');

/** 8 weeks of 80 h from Monday 8 March: over capacity where the committed scope runs. */
export const PROPOSAL_SCOPE = {
  scope_name: 'Replatform storefront',
  deliverables: 'Storefront on the new platform\nProduct import\nCheckout integration',
  in_scope: 'Web storefront, catalogue import, checkout integration',
  out_of_scope: 'Mobile apps, ERP changes',
  delivery_team: 'platform',
  planned_start_date: '2027-03-08',
  delivery_timeline_weeks: '8',
  delivery_estimate_hours: '640',
  scope_status: 'draft',
};

/** 300 h over 3 weeks from Monday 22 March (weeks 3–5 of the proposal), approved by delivery. */
export const COMMITTED_SCOPE = {
  scope_name: 'Data platform phase 2',
  deliverables: 'Warehouse migration',
  delivery_team: 'platform',
  delivery_start_date: '2027-03-22',
  delivery_timeline_weeks: '3',
  delivery_estimate_hours: '300',
  delivery_approved: 'true',
  scope_status: 'approved',
  delivery_phase: 'kickoff',
};

/** What the earliest start that fits is, for the data above: the Monday after the committed scope ends. */
export const EARLIEST_FIT = '2027-04-12';

/** Delivery's answer: feasible with changes, 9 weeks from the earliest start that fits. */
export const REVIEW_ANSWER = {
  feasibility_review_status: 'feasible_with_changes',
  committed_start_date: EARLIEST_FIT,
  committed_timeline_weeks: '9',
  feasibility_review_notes: 'Feasible from 12 April, when Data platform phase 2 is done; 9 weeks, since the catalogue import needs a spike.',
  feasibility_reviewed_by: 'Tom Berg',
};

export function seedCommittedScope(sandbox: Sandbox, names: Names, dealId: string, companyId?: string): string {
  return seedScope(sandbox, names, dealId, companyId, COMMITTED_SCOPE);
}
