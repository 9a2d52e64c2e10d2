import { parseHubSpotDate } from '../dates/calendar';
import type { Properties } from '../hubspot/types';
import { HANDOFF_REVIEW_PROPERTIES as P, HANDOFF_REVIEW_GROUP } from '../model/commitment-properties';
import { SCOPE_DELIVERY_PROPERTIES as D } from '../model/delivery-properties';
import { SCOPE_PROPERTIES as S } from '../model/well-known-properties';
import type { Model } from '../model';
import type { HandoffReviewFacts } from './plan-handoff-review';

/** The Scope's kickoff date. */
export const KICKOFF_PROPERTY = D.startDate;
/** The Scope's owner, taken as the delivery lead. */
export const LEAD_PROPERTY = 'hubspot_owner_id';

/** Deal properties of the "Handoff review" group that Throughline writes; the rest are questions. */
const BOOKKEEPING = new Set<string>([P.dueDate, P.taskId, P.state]);

/** The review's questions in the group's order: the card's answers and the task's list. */
export function reviewQuestions(model: Pick<Model, 'deals'>): Array<{ name: string; label: string; options: Record<string, string> }> {
  const group = model.deals.groups.find((g) => g.name === HANDOFF_REVIEW_GROUP);
  return (group?.properties ?? [])
    .filter((p) => !BOOKKEEPING.has(p.name))
    .map((p) => ({ name: p.name, label: p.label, options: Object.fromEntries((p.options ?? []).map((o) => [o.value, o.label])) }));
}

/** Every property of the group, for batch reads. */
export const reviewDealProperties = (model: Pick<Model, 'deals'>): string[] => [...reviewQuestions(model).map((q) => q.name), ...BOOKKEEPING];

const filled = (v: string | null | undefined): v is string => !!v && v.trim() !== '';

/** The approved Scope: the newest with Delivery approved (the one delivery kicked off). */
export function approvedScopeOf<T extends { id: string; properties: Properties }>(scopes: readonly T[]): T | undefined {
  return scopes.filter((s) => s.properties[S.approved] === 'true').sort((a, b) => Number(b.id) - Number(a.id))[0];
}

/** What planHandoffReview needs, from the deal and its scopes as read. */
export function reviewFactsOf(deal: { id: string; properties: Properties }, scopes: ReadonlyArray<{ id: string; properties: Properties }>): HandoffReviewFacts {
  const scope = approvedScopeOf(scopes);
  const lead = scope?.properties[LEAD_PROPERTY];
  const owner = deal.properties.hubspot_owner_id;
  return {
    dealId: deal.id,
    kickoffDate: parseHubSpotDate(scope?.properties[KICKOFF_PROPERTY]) ?? null,
    values: deal.properties,
    deliveryLeadId: filled(lead) ? lead.trim() : null,
    dealOwnerId: filled(owner) ? owner.trim() : null,
  };
}
