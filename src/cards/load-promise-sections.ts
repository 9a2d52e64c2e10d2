import type { DealEvaluation, ExtraProperties } from '../gate/gate-service';
import { addCommitmentButtonLabel } from '../gate/commitment-rule';
import { planHandoffReview } from '../handoff-review/plan-handoff-review';
import { LEAD_PROPERTY, KICKOFF_PROPERTY, reviewDealProperties, reviewFactsOf, reviewQuestions } from '../handoff-review/review-facts';
import { objectByRole } from '../model';
import { GATE_PROPERTIES as G } from '../model/well-known-properties';
import type { CardDeps } from './card-deps';
import type { DealCardData } from './card-data';
import { buildCommitmentsSection, buildHandoffReviewSection, commitmentCardProperties, promiseLabels } from './promise-sections';

/** Gate statuses of a won deal in delivery (as delivery-read-plan's IN_DELIVERY). */
const WON = ['passed', 'overridden'];

const hasCommitments = (deps: CardDeps) => !!deps.types.commitment && deps.model.objects.some((o) => o.role === 'commitment');

/** What the promise sections need read, in the gate's own batch calls. */
export function promiseReadProperties(deps: CardDeps): ExtraProperties {
  return {
    deal: [...reviewDealProperties(deps.model), 'hubspot_owner_id', ...(deps.likeThis?.properties ?? [])],
    scope: [LEAD_PROPERTY, KICKOFF_PROPERTY],
    ...(hasCommitments(deps) ? { commitment: commitmentCardProperties(deps.model) } : {}),
  };
}

/**
 * The deal card's promises, handoff review (won deals) and "Deals like this" (open deals), from
 * what the gate's evaluation read; "Deals like this" comes from the insights cache.
 */
export async function loadPromiseSections(
  deps: CardDeps,
  e: DealEvaluation,
  now: Date,
): Promise<Pick<DealCardData, 'commitments' | 'handoffReview' | 'dealsLikeThis'>> {
  const { deal, scopes, commitments } = e.loaded;
  const p = deal.properties;
  const out: Pick<DealCardData, 'commitments' | 'handoffReview' | 'dealsLikeThis'> = {};
  if (hasCommitments(deps)) {
    const noun = objectByRole(deps.model, 'commitment').labels.singular;
    out.commitments = buildCommitmentsSection(commitments ?? [], promiseLabels(deps.model), deps.types.commitment!, addCommitmentButtonLabel(noun));
  }
  if (WON.includes(p[G.status] ?? '')) {
    const plan = planHandoffReview(reviewFactsOf(deal, scopes), now, { ...deps.model.insights.handoffReview, timeZone: deps.settings.timeZone });
    out.handoffReview = buildHandoffReviewSection(plan, p, reviewQuestions(deps.model));
  }
  const stage = e.pipeline?.stages.find((s) => s.id === p.dealstage);
  if (deps.likeThis && stage && !stage.isClosed) out.dealsLikeThis = await deps.likeThis.likeThis(deal);
  return out;
}
