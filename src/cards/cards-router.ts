import { Router, type Request } from 'express';
import { reject } from '../webhooks/errors';
import type { CardService } from './card-service';

const validId = (id: string | undefined): id is string => !!id && /^\d{1,20}$/.test(id);

function checkId(id: string | undefined): string {
  if (!validId(id)) throw reject.invalidId();
  return id;
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw reject.notFound(`${what} was not found.`);
  return value;
}

/**
 * The cards API. Mounted behind signature verification: every request comes from hubspot.fetch.
 * Errors (a malformed id, a record HubSpot lacks) are thrown and mapped to a status once, in
 * src/http/errors.ts. The JSON shapes are the zod schemas in extensions/app/cards/shared/card-data.ts
 * (the cards parse what they receive).
 *   GET  /deals/:dealId            DealCardData
 *   POST /deals/:dealId/recheck    RecheckResponse: runs the gate on the deal now, then its card
 *   POST /deals/:dealId/feasibility-review  DealCardData: asks delivery to review the deal's scope (409 when
 *                                  it has none or delivery was already asked), then its card
 *   GET  /companies/:companyId     CompanyCardData
 */
export function cardsRouter(cards: () => Promise<CardService>): Router {
  const router = Router();

  router.get('/deals/:dealId', async (req: Request<{ dealId: string }>, res) => {
    const id = checkId(req.params.dealId);
    res.json(found(await (await cards()).dealCard(id), `Deal ${id}`));
  });

  router.post('/deals/:dealId/recheck', async (req: Request<{ dealId: string }>, res) => {
    const id = checkId(req.params.dealId);
    res.json(found(await (await cards()).recheckDeal(id), `Deal ${id}`));
  });

  router.post('/deals/:dealId/feasibility-review', async (req: Request<{ dealId: string }>, res) => {
    const id = checkId(req.params.dealId);
    res.json(found(await (await cards()).requestFeasibilityReview(id), `Deal ${id}`));
  });

  router.get('/companies/:companyId', async (req: Request<{ companyId: string }>, res) => {
    const id = checkId(req.params.companyId);
    res.json(found(await (await cards()).companyCard(id), `Company ${id}`));
  });

  return router;
}
