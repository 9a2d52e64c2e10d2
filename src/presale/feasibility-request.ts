import type { CrmGateway } from '../hubspot/crm-gateway';
import { FEASIBILITY_PROPERTIES } from '../model/presale-properties';
import { SCOPE_PROPERTIES as SC } from '../model/well-known-properties';
import { pickScope } from '../cards/card-fields';
import type { LinkedRecord } from '../gate/types';
import { readFeasibilityReview, reviewRequest } from './feasibility';

export type FeasibilityRequestResult = { outcome: 'requested'; scopeId: string } | { outcome: 'refused'; reason: string } | { outcome: 'no_deal' };

/** The scope a review is about: the deal's approved one, else its newest, never a superseded one. */
export const currentScope = <T extends LinkedRecord>(scopes: T[]): T | undefined => pickScope(scopes.filter((s) => s.properties[SC.status] !== 'superseded'));

/**
 * The rep's "Ask delivery for a review": the deal and its scopes read together (three calls),
 * then one update of the scope. Refused, with the reason, when the deal has no scope or delivery
 * was already asked (pressing twice changes nothing).
 */
export async function requestFeasibilityReview(gateway: CrmGateway, scopeType: string, dealId: string, now: Date): Promise<FeasibilityRequestResult> {
  const [deals, links] = await Promise.all([gateway.readMany('deals', [dealId], ['dealname']), gateway.associationsOf('deals', scopeType, [dealId])]);
  if (!deals.has(dealId)) return { outcome: 'no_deal' };
  const ids = (links.get(dealId) ?? []).map((l) => l.id);
  const scopes = ids.length
    ? [...(await gateway.readMany(scopeType, ids, [SC.name, SC.status, SC.approved, ...Object.values(FEASIBILITY_PROPERTIES)])).values()]
    : [];
  const scope = currentScope(scopes);
  if (!scope) return { outcome: 'refused', reason: 'The deal has no Scope yet: add one with its deliverables, then ask delivery to review it.' };
  const request = reviewRequest(readFeasibilityReview(scope), now);
  if (!request.ok) return { outcome: 'refused', reason: request.reason };
  await gateway.updateMany(scopeType, [{ id: scope.id, properties: request.properties }]);
  return { outcome: 'requested', scopeId: scope.id };
}
