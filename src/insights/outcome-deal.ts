import type { CommitmentInput } from '../commitments/commitment-inputs';
import type { ChangeOrderInput, DeliveryHealth } from '../delivery';
import type { HandoffReviewAnswers } from '../handoff-review/review-answers';

/**
 * One closed-won deal as summariseDeliveryOutcomes needs it, read from HubSpot: the deal (its
 * "Delivery health" roll-up included), its approved Scope, change orders, promises and handoff
 * review. null where the portal has no value.
 */
export interface OutcomeDeal {
  id: string;
  name: string | null;
  /** When it entered Closed Won (closedate); a deal without one is left out. */
  closedWonAt: Date | null;
  dealType: string | null;
  pipeline: string | null;
  ownerId: string | null;
  /** Other deal properties a grouping may name (`--by <property>`). */
  properties: Record<string, string | null>;
  /** deal_currency_code, else the portal's; amounts in another currency than the summary's are left out. */
  currency: string | null;
  /** The approved Scope; null when there is none. */
  scope: {
    proposalHours: number | null;
    estimateHours: number | null;
    proposalWeeks: number | null;
    deliveryWeeks: number | null;
  } | null;
  /** The deal's Delivery health properties (delivery_health, …_hours_budget, …_hours_logged, margins). */
  delivery: {
    health: DeliveryHealth | null;
    hoursBudget: number | null;
    hoursLogged: number | null;
    plannedMarginPct: number | null;
    marginNowPct: number | null;
  };
  changeOrders: Array<Pick<ChangeOrderInput, 'id' | 'cause' | 'decision' | 'hours' | 'amount'>>;
  commitments: CommitmentInput[];
  /** null while the review is unanswered (planHandoffReview says answered). */
  review: HandoffReviewAnswers | null;
}
