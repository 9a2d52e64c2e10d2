import type { Model } from '../../src/model';
import { objectByRole } from '../../src/model';
import type { Sandbox } from '@throughline/sandbox';
import { APPROVED_SCOPE, HANDOFF_COMPLETE, OWNERS, USER, seedDeal, seedScope, type Names } from './seed';

/** Seeding for the promises loop: promises, change orders, and finished engagements. */
export interface PromiseNames {
  commitment: string;
  changeOrder: string;
}

export const promiseNamesOf = (model: Model): PromiseNames => ({
  commitment: objectByRole(model, 'commitment').name,
  changeOrder: objectByRole(model, 'change_order').name,
});

export function seedCommitment(sandbox: Sandbox, names: PromiseNames, dealId: string, props: Record<string, string>): string {
  return sandbox.createObject(
    names.commitment,
    { commitment_status: 'open', ...props },
    { actAs: USER(OWNERS.rep), associations: [{ toObjectType: 'deals', toObjectId: dealId }] },
  ).id;
}

export function seedChangeOrder(sandbox: Sandbox, names: PromiseNames, dealId: string, props: Record<string, string>): string {
  return sandbox.createObject(names.changeOrder, props, { actAs: USER(OWNERS.delivery), associations: [{ toObjectType: 'deals', toObjectId: dealId }] }).id;
}

export interface FinishedEngagement {
  name: string;
  dealType: string;
  closedAt: string;
  scope?: Record<string, string>;
  review?: Record<string, string>;
  delivery?: Record<string, string>;
  promises?: Array<Record<string, string>>;
  changeOrders?: Array<Record<string, string>>;
}

/** A deal won and delivered: Closed won with the gate passed, its approved scope, promises, change orders, review. */
export function seedFinishedEngagement(sandbox: Sandbox, names: Names, promises: PromiseNames, companyId: string | undefined, e: FinishedEngagement): string {
  const id = seedDeal(sandbox, {
    name: e.name,
    stage: 'closedwon',
    ...(companyId ? { companyId } : {}),
    props: { ...HANDOFF_COMPLETE, dealtype: e.dealType, closedate: e.closedAt, gate_status: 'passed', ...e.delivery, ...e.review },
  });
  seedScope(sandbox, names, id, companyId, { ...APPROVED_SCOPE, scope_name: `${e.name} scope`, delivery_phase: 'closed', ...e.scope });
  for (const p of e.promises ?? []) seedCommitment(sandbox, promises, id, p);
  for (const co of e.changeOrders ?? []) seedChangeOrder(sandbox, promises, id, co);
  return id;
}
