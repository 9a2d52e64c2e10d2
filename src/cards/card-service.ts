import type { CardDeps } from './card-deps';
import { reject } from '../webhooks/errors';
import type { DealCardData, RecheckResponse } from './card-data';
import { loadCompanyCard } from './load-company-card';
import { loadDealCard } from './load-deal-card';

/** The cards API's use cases: each answers undefined when HubSpot has no such record. */
export function createCardService(deps: CardDeps) {
  return {
    dealCard: (dealId: string) => loadDealCard(deps, dealId),
    companyCard: (companyId: string) => loadCompanyCard(deps, companyId),
    /** The card's Recheck button: runs the gate on the deal now, then answers with its card. */
    async recheckDeal(dealId: string): Promise<RecheckResponse | undefined> {
      const run = await deps.gate.gateDeals([dealId], deps.clock());
      const decision = run.decisions[0];
      const card = await loadDealCard(deps, dealId);
      if (!card || !decision) return undefined;
      return {
        action: decision.action,
        ...(decision.action === 'skip' ? { reason: decision.reason } : {}),
        ...(decision.action === 'block' && run.reverted.includes(decision.dealId) ? { revertedTo: decision.revertToLabel } : {}),
        card,
      };
    },
    /** The card's "Ask delivery for a review": writes the request on the deal's scope, then answers with its card. */
    async requestFeasibilityReview(dealId: string): Promise<DealCardData | undefined> {
      if (!deps.presale) throw reject.conflict('This service has no pre-sale playbooks configured.');
      const result = await deps.presale.requestReview(dealId, deps.clock());
      if (result.outcome === 'no_deal') return undefined;
      if (result.outcome === 'refused') throw reject.conflict(result.reason);
      return loadDealCard(deps, dealId);
    },
  };
}

export type CardService = ReturnType<typeof createCardService>;
