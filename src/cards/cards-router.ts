import { Router, type Request, type Response } from 'express';
import type { Runtime } from '../runtime/runtime';
import type { RecheckResponse } from './card-data';
import { loadCompanyCard } from './load-company-card';
import { loadDealCard } from './load-deal-card';

const validId = (id: string | undefined): id is string => !!id && /^\d{1,20}$/.test(id);

function badId(res: Response) {
  res.status(400).json({ error: 'invalid_id', message: 'The record id must be the numeric HubSpot id.' });
}

const notFound = (res: Response, what: string) => void res.status(404).json({ error: 'not_found', message: `${what} was not found.` });

/**
 * The cards API. Mounted behind signature verification: every request comes from hubspot.fetch.
 * Errors go to the app's error handler, which maps them to a status once. The JSON shapes are the
 * zod schemas in extensions/app/cards/shared/card-data.ts (the cards parse what they receive).
 *   GET  /deals/:dealId            DealCardData
 *   POST /deals/:dealId/recheck    RecheckResponse: runs the gate on the deal now, then its card
 *   GET  /companies/:companyId     CompanyCardData
 */
export function cardsRouter(rt: Runtime): Router {
  const router = Router();

  router.get('/deals/:dealId', async (req: Request<{ dealId: string }>, res) => {
    if (!validId(req.params.dealId)) return badId(res);
    const card = await loadDealCard(rt, req.params.dealId);
    if (!card) return notFound(res, `Deal ${req.params.dealId}`);
    res.json(card);
  });

  router.post('/deals/:dealId/recheck', async (req: Request<{ dealId: string }>, res) => {
    if (!validId(req.params.dealId)) return badId(res);
    const gate = await rt.gate();
    const run = await gate.gateDeals([req.params.dealId], rt.now());
    const decision = run.decisions[0];
    const card = await loadDealCard(rt, req.params.dealId);
    if (!card || !decision) return notFound(res, `Deal ${req.params.dealId}`);
    const body: RecheckResponse = {
      action: decision.action,
      ...(decision.action === 'skip' ? { reason: decision.reason } : {}),
      ...(decision.action === 'block' && run.reverted.includes(decision.dealId) ? { revertedTo: decision.revertToLabel } : {}),
      card,
    };
    res.json(body);
  });

  router.get('/companies/:companyId', async (req: Request<{ companyId: string }>, res) => {
    if (!validId(req.params.companyId)) return badId(res);
    const card = await loadCompanyCard(rt, req.params.companyId);
    if (!card) return notFound(res, `Company ${req.params.companyId}`);
    res.json(card);
  });

  return router;
}
