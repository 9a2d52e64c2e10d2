import { Router, type Request, type Response } from 'express';
import type { Runtime } from '../runtime/runtime';
import { loadDealCard } from './load-deal-card';

const validId = (id: string | undefined): id is string => !!id && /^\d{1,20}$/.test(id);

function badId(res: Response) {
  res.status(400).json({ error: 'invalid_id', message: 'The record id must be the numeric HubSpot id.' });
}

/**
 * The cards API. Mounted behind signature verification: every request comes from hubspot.fetch.
 * Errors go to the app's error handler, which maps them to a status once.
 */
export function cardsRouter(rt: Runtime): Router {
  const router = Router();

  router.get('/deals/:dealId', async (req: Request<{ dealId: string }>, res) => {
    if (!validId(req.params.dealId)) return badId(res);
    const card = await loadDealCard(rt, req.params.dealId);
    if (!card) return void res.status(404).json({ error: 'not_found', message: `Deal ${req.params.dealId} was not found.` });
    res.json(card);
  });

  router.post('/deals/:dealId/recheck', async (req: Request<{ dealId: string }>, res) => {
    if (!validId(req.params.dealId)) return badId(res);
    const gate = await rt.gate();
    const run = await gate.gateDeals([req.params.dealId], rt.now());
    const decision = run.decisions[0];
    const card = await loadDealCard(rt, req.params.dealId);
    if (!card || !decision) return void res.status(404).json({ error: 'not_found', message: `Deal ${req.params.dealId} was not found.` });
    res.json({ action: decision.action, ...(decision.action === 'skip' ? { reason: decision.reason } : {}), card });
  });

  return router;
}
