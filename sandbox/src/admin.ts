import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Sandbox } from './api';
import { toEpochMs } from './clock';
import { SandboxError, correlationId, unknownRoute } from './errors';
import { parseBody } from './http';

/**
 * /_sandbox — control of the stand-in for tests and demos. No token, but loopback callers only.
 *   POST /_sandbox/reset                      back to the seeded state
 *   GET|DELETE /_sandbox/calls                call counters / reset them
 *   GET|POST|DELETE /_sandbox/faults          read / merge / clear faults
 *   GET|POST /_sandbox/clock                  {now?: ms|ISO|null, advanceMs?: number}
 *   GET /_sandbox/webhooks                    target, subscriptions, delivery log, dropped events
 *   POST /_sandbox/webhooks/flush             send queued events, wait until idle
 *   POST /_sandbox/webhooks/target            {url: string|null}
 *   PUT /_sandbox/webhooks/subscriptions      {subscriptions: [...]}
 *   POST /_sandbox/seed/owners                {owners: [{email, firstName, lastName, id?, userId?}]}
 *   POST /_sandbox/seed/objects               {objectType, objects: [{properties, actAs?, changeSource?, at?}], emitWebhooks?}
 *   GET /_sandbox/objects/{objectType}[/{id}] full snapshots with every property's history
 */

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const loopbackOnly: RequestHandler = (req, _res, next) => {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    next(
      new SandboxError(403, {
        status: 'error',
        message: 'The sandbox admin API answers loopback callers only.',
        correlationId: correlationId(),
        category: 'FORBIDDEN',
      }),
    );
    return;
  }
  next();
};

const faultsInput = z.object({
  rateLimit429: z.number().min(0).max(1).optional(),
  rateLimitNext: z.number().int().min(0).optional(),
  serverError5xx: z.number().min(0).max(1).optional(),
  serverErrorNext: z.number().int().min(0).optional(),
  serverErrorStatuses: z.array(z.number().int().min(500).max(599)).optional(),
  latencyMs: z.number().min(0).optional(),
  dropWebhooks: z.number().min(0).max(1).optional(),
  dropNextWebhooks: z.number().int().min(0).optional(),
  rollingLimit: z.union([z.literal(false), z.object({ max: z.number().int().positive(), intervalMs: z.number().int().positive() })]).optional(),
  searchRateLimit: z.boolean().optional(),
  batchResultOrder: z.enum(['input', 'reversed', 'shuffled']).optional(),
  omitObjectWriteTraceIds: z.boolean().optional(),
  appliedCreateFails: z.number().min(0).max(1).optional(),
  appliedCreateFailsNext: z.number().int().min(0).optional(),
  appliedCreateFailure: z.enum(['5xx', 'drop']).optional(),
  appliedCreateTypes: z.array(z.string()).optional(),
});

const clockInput = z.object({ now: z.union([z.number(), z.string(), z.null()]).optional(), advanceMs: z.number().optional() });
const targetInput = z.object({ url: z.string().url().nullable() });
const subscriptionsInput = z.object({
  subscriptions: z.array(
    z.object({
      id: z.number().int().optional(),
      subscriptionType: z.string(),
      objectType: z.string().optional(),
      propertyName: z.string().optional(),
      active: z.boolean().optional(),
    }),
  ),
});
const ownersInput = z.object({
  owners: z.array(
    z.object({
      email: z.string(),
      firstName: z.string().optional(),
      lastName: z.string().optional(),
      id: z.string().optional(),
      userId: z.number().int().optional(),
    }),
  ),
});
const objectsInput = z.object({
  objectType: z.string(),
  emitWebhooks: z.boolean().optional(),
  objects: z.array(
    z.object({
      properties: z.record(z.string(), z.string()),
      actAs: z.string().optional(),
      changeSource: z.string().optional(),
      at: z.union([z.number(), z.string()]).optional(),
      associations: z.array(z.object({ toObjectType: z.string(), toObjectId: z.string(), associationTypeId: z.number().int().optional() })).optional(),
    }),
  ),
});

export function adminRoutes(sandbox: Sandbox): Router {
  const r = Router();
  r.use(loopbackOnly, express.json({ limit: '10mb' }));

  r.post('/reset', (_req, res) => {
    sandbox.reset();
    res.json({ ok: true });
  });

  r.get('/calls', (_req, res) => {
    res.json(sandbox.calls());
  });
  r.delete('/calls', (_req, res) => {
    sandbox.resetCounters();
    res.json(sandbox.calls());
  });

  r.get('/faults', (_req, res) => {
    res.json(sandbox.faults());
  });
  r.post('/faults', (req, res) => {
    sandbox.setFaults(parseBody(faultsInput, req.body));
    res.json(sandbox.faults());
  });
  r.delete('/faults', (_req, res) => {
    sandbox.clearFaults();
    res.json(sandbox.faults());
  });

  const clockState = () => ({ now: new Date(sandbox.now()).toISOString(), nowMs: sandbox.now() });
  r.get('/clock', (_req, res) => {
    res.json(clockState());
  });
  r.post('/clock', (req, res) => {
    const input = parseBody(clockInput, req.body);
    if (input.now !== undefined) sandbox.setNow(input.now === null ? null : toEpochMs(input.now));
    if (input.advanceMs !== undefined) sandbox.advanceClock(input.advanceMs);
    res.json(clockState());
  });

  r.get('/webhooks', (_req, res) => {
    res.json({
      targetUrl: sandbox.webhookTarget() ?? null,
      subscriptions: sandbox.webhookSubscriptions(),
      deliveries: sandbox.deliveries(),
      dropped: sandbox.droppedWebhooks(),
    });
  });
  r.post('/webhooks/flush', async (_req, res) => {
    await sandbox.flushWebhooks();
    res.json({ deliveries: sandbox.deliveries() });
  });
  r.post('/webhooks/target', (req, res) => {
    sandbox.setWebhookTarget(parseBody(targetInput, req.body).url);
    res.json({ targetUrl: sandbox.webhookTarget() ?? null });
  });
  r.put('/webhooks/subscriptions', (req, res) => {
    sandbox.setSubscriptions(parseBody(subscriptionsInput, req.body).subscriptions);
    res.json({ ok: true });
  });

  r.post('/seed/owners', (req, res) => {
    res.status(201).json({ results: sandbox.seedOwners(parseBody(ownersInput, req.body).owners) });
  });
  r.post('/seed/objects', (req, res) => {
    const input = parseBody(objectsInput, req.body);
    const results = input.objects.map((o) =>
      sandbox.createObject(input.objectType, o.properties, {
        ...(o.actAs !== undefined ? { actAs: o.actAs } : {}),
        ...(o.changeSource !== undefined ? { changeSource: o.changeSource } : {}),
        ...(o.at !== undefined ? { at: o.at } : {}),
        ...(o.associations !== undefined ? { associations: o.associations } : {}),
        emitWebhooks: input.emitWebhooks ?? false,
      }),
    );
    res.status(201).json({ results });
  });

  r.get('/objects/:objectType', (req, res) => {
    res.json({ results: sandbox.listObjects(String(req.params.objectType)) });
  });
  r.get('/objects/:objectType/:id', (req, res) => {
    const object = sandbox.getObject(String(req.params.objectType), String(req.params.id));
    if (!object) {
      res.status(404).json({ status: 'error', message: 'Object not found.', correlationId: correlationId(), category: 'OBJECT_NOT_FOUND' });
      return;
    }
    res.json(object);
  });

  r.use(unknownRoute);
  return r;
}
