import type { Model } from '../../src/model';
import { objectByRole } from '../../src/model';
import type { Sandbox } from '@throughline/sandbox';

/**
 * Seeding helpers over the stand-in's in-process API: records are written as a user would (with
 * history), without webhooks, so tests and the demo start from a known portal.
 */
export interface Names {
  scope: string;
  contract: string;
  customerStatus: string;
}

export const namesOf = (model: Model): Names => ({
  scope: objectByRole(model, 'scope').name,
  contract: objectByRole(model, 'contract').name,
  customerStatus: objectByRole(model, 'customer_status').name,
});

export const OWNERS = {
  rep: { id: '7001', userId: 9001, email: 'maya.rep@northstar.agency', firstName: 'Maya', lastName: 'Ortiz' },
  delivery: { id: '7002', userId: 9002, email: 'tom.delivery@northstar.agency', firstName: 'Tom', lastName: 'Berg' },
  am: { id: '7003', userId: 9003, email: 'priya.am@northstar.agency', firstName: 'Priya', lastName: 'Shah' },
};

export const HANDOFF_COMPLETE = {
  handoff_business_problem: 'Online checkout abandons at 70%; the buyer loses ~€40k a month.',
  handoff_why_us: 'Two comparable ecommerce rebuilds; the CTO trusts our engineering lead.',
  handoff_promised_outcomes: 'Checkout abandonment under 40% within two quarters.',
  handoff_sale_promises: 'Weekly Friday demo; no work on the mobile apps (verbal, in the final call).',
  handoff_key_stakeholders: 'Dana (CMO, decides), Lee (CTO, skeptic), support team (users).',
  handoff_first_milestone: 'Discovery readout',
};

export const APPROVED_SCOPE = {
  deliverables: 'New checkout flow\nPayment provider integration\nA/B test harness',
  in_scope: 'Web checkout, payment integration, analytics events',
  out_of_scope: 'Mobile apps, ERP changes',
  proposal_timeline_weeks: '12',
  delivery_timeline_weeks: '12',
  proposal_hours: '960',
  delivery_estimate_hours: '960',
  scope_status: 'approved',
  delivery_approved: 'true',
  approved_by: 'Tom Berg',
};

export const COMPLETE_CONTRACT = {
  start_date: '2026-12-01',
  term_months: '12',
  end_date: '2027-11-30',
  renewal_date: '2027-12-01',
  auto_renew: 'false',
  notice_period_days: '60',
  contract_value: '180000',
  billing_model: 'fixed_fee',
  contract_status: 'draft',
};

export const USER = (owner: { userId: number }) => `userId:${owner.userId}`;

export function seedOwners(sandbox: Sandbox): void {
  sandbox.seedOwners(Object.values(OWNERS));
}

export function seedCompany(sandbox: Sandbox, name: string, ownerId = OWNERS.am.id): string {
  return sandbox.createObject(
    'companies',
    { name, domain: `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`, hubspot_owner_id: ownerId },
    { actAs: USER(OWNERS.rep) },
  ).id;
}

export function seedDeal(
  sandbox: Sandbox,
  opts: { name: string; companyId?: string; stage?: string; pipeline?: string; props?: Record<string, string>; at?: string | Date },
): string {
  const deal = sandbox.createObject(
    'deals',
    {
      dealname: opts.name,
      pipeline: opts.pipeline ?? 'default',
      dealstage: opts.stage ?? 'contractsent',
      amount: '180000',
      hubspot_owner_id: OWNERS.rep.id,
      ...opts.props,
    },
    {
      actAs: USER(OWNERS.rep),
      ...(opts.at ? { at: opts.at } : {}),
      ...(opts.companyId ? { associations: [{ toObjectType: 'companies', toObjectId: opts.companyId }] } : {}),
    },
  );
  return deal.id;
}

export function seedScope(sandbox: Sandbox, names: Names, dealId: string, companyId: string | undefined, props: Record<string, string>): string {
  const associations = [{ toObjectType: 'deals', toObjectId: dealId }, ...(companyId ? [{ toObjectType: 'companies', toObjectId: companyId }] : [])];
  return sandbox.createObject(names.scope, { scope_name: 'Scope', ...props }, { actAs: USER(OWNERS.delivery), associations }).id;
}

export function seedContract(sandbox: Sandbox, names: Names, dealId: string | undefined, companyId: string | undefined, props: Record<string, string>): string {
  const associations = [
    ...(dealId ? [{ toObjectType: 'deals', toObjectId: dealId }] : []),
    ...(companyId ? [{ toObjectType: 'companies', toObjectId: companyId }] : []),
  ];
  return sandbox.createObject(names.contract, { contract_name: 'Contract', ...props }, { actAs: USER(OWNERS.rep), associations }).id;
}

/** A user moves a deal on the board: a UI write, with the webhook HubSpot would send. */
export async function dragDeal(sandbox: Sandbox, dealId: string, stage: string, by = OWNERS.rep): Promise<void> {
  sandbox.updateObject('deals', dealId, { dealstage: stage }, { actAs: USER(by), emitWebhooks: true });
  await sandbox.idle();
}

/** A user edits a record in the UI (with webhooks, as HubSpot would send them). */
export async function editAsUser(sandbox: Sandbox, type: string, id: string, props: Record<string, string>, by = OWNERS.rep): Promise<void> {
  sandbox.updateObject(type, id, props, { actAs: USER(by), emitWebhooks: true });
  await sandbox.idle();
}
