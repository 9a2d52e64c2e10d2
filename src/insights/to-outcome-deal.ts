import { readCommitment } from '../commitments/read-commitment';
import type { DeliveryHealth } from '../delivery';
import { dateOf, numberOf, oneOf } from '../delivery/read-values';
import { toChangeOrderInput } from '../delivery/to-delivery-inputs';
import { readHandoffReview, unansweredOf } from '../handoff-review/review-answers';
import type { CrmRecord } from '../hubspot/types';
import { DELIVERY_HEALTH_PROPERTIES as H, SCOPE_DELIVERY_PROPERTIES as SD } from '../model/delivery-properties';
import { SCOPE_PROPERTIES as S } from '../model/well-known-properties';
import type { OutcomeDeal } from './outcome-deal';

const HEALTHS: readonly DeliveryHealth[] = ['not_started', 'on_track', 'at_risk', 'off_track', 'closed'];

/** The deal properties the insights read (besides the review group and a grouping property). */
export const OUTCOME_DEAL_PROPERTIES = [
  'dealname',
  'closedate',
  'dealtype',
  'pipeline',
  'dealstage',
  'hubspot_owner_id',
  'deal_currency_code',
  ...Object.values(H),
];
export const OUTCOME_SCOPE_PROPERTIES = [S.approved, SD.proposalHours, SD.estimateHours, 'proposal_timeline_weeks', SD.timelineWeeks];

export interface OutcomeRecords {
  deal: CrmRecord;
  /** Its scopes; the approved one (newest with Delivery approved), else the newest, is measured. */
  scopes: CrmRecord[];
  changeOrders: CrmRecord[];
  commitments: CrmRecord[];
}

function measuredScope(scopes: CrmRecord[]): CrmRecord | undefined {
  const newest = [...scopes].sort((a, b) => Number(b.id) - Number(a.id));
  return newest.find((s) => s.properties[S.approved] === 'true') ?? newest[0];
}

/** One closed-won deal and its linked records, as read, → what summariseDeliveryOutcomes takes. Pure. */
export function toOutcomeDeal(r: OutcomeRecords, portalCurrency: string, requiredAnswers: readonly string[]): OutcomeDeal {
  const p = r.deal.properties;
  const scope = measuredScope(r.scopes);
  const sp = scope?.properties ?? {};
  return {
    id: r.deal.id,
    name: p.dealname ?? null,
    closedWonAt: dateOf(p.closedate),
    dealType: p.dealtype ?? null,
    pipeline: p.pipeline ?? null,
    ownerId: p.hubspot_owner_id ?? null,
    properties: p,
    currency: p.deal_currency_code?.trim() || portalCurrency,
    scope: scope
      ? {
          proposalHours: numberOf(sp[SD.proposalHours]),
          estimateHours: numberOf(sp[SD.estimateHours]),
          proposalWeeks: numberOf(sp.proposal_timeline_weeks),
          deliveryWeeks: numberOf(sp[SD.timelineWeeks]),
        }
      : null,
    delivery: {
      health: oneOf(HEALTHS, p[H.health]),
      hoursBudget: numberOf(p[H.hoursBudget]),
      hoursLogged: numberOf(p[H.hoursLogged]),
      plannedMarginPct: numberOf(p[H.plannedMarginPct]),
      marginNowPct: numberOf(p[H.marginNowPct]),
    },
    changeOrders: r.changeOrders.map((co) => {
      const { id, cause, decision, hours, amount } = toChangeOrderInput(co);
      return { id, cause, decision, hours, amount };
    }),
    commitments: r.commitments.map((c) => readCommitment(c.id, c.properties)),
    review: unansweredOf(p, requiredAnswers).length === 0 ? readHandoffReview(p) : null,
  };
}
