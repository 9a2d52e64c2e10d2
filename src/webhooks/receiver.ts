/**
 * POST /webhooks/hubspot — HubSpot's webhook batches.
 *
 * Pipeline (each step refuses with a RequestRejectedError; src/http/errors.ts turns it into a status):
 *   read raw body (≤ maxBodyBytes, else 413) → signature v3 over the raw bytes (401, nothing parsed)
 *   → exact replay of a signed request within its 5 minutes (409; src/coordination/replay-guard.ts) → JSON (400) → batch shape (400; > maxEvents → 413) → drop own writes, unknown types and invalid
 *   events (counted) → in-flight guard (503) → await onBatch → 200 with the counts.
 *
 * Queue mode (REDIS_URL set, src/service.ts): onBatch only enqueues and resolves `{ queued: true }`
 * within milliseconds; the workers run the gate. What follows describes the in-process mode.
 *
 * Durability — process before answering. The service keeps no queue of its own (HubSpot is the
 * system of record), so the webhook request *is* the queue entry: onBatch runs the gate for the
 * whole batch and only then do we answer 200. If onBatch throws we answer 500 and HubSpot retries
 * (up to 10 times over 24 h); the periodic sweep is the backstop for anything that still slips.
 * That requires the gate to be idempotent and level-triggered (it re-reads the deal, it does not
 * trust the event), which also makes duplicates and out-of-order deliveries harmless: events are
 * passed on as they come, neither deduplicated (eventId is not unique) nor reordered.
 *
 * Deadline. HubSpot gives up after ~5 s and then retries the whole batch. If onBatch has not
 * settled after `answerWithinMs` (default 4 s) we answer 200 with `deferred: true` and let it
 * finish: a retry would only duplicate work that is already running, and would do so exactly when
 * HubSpot is slow or rate-limiting us. A deferred batch that later fails is logged; the sweep
 * picks its deals up. The batch keeps its in-flight slot until it settles.
 *
 * Concurrency. At most `maxInFlight` batches (default 10, HubSpot's maxConcurrentRequests) run at
 * once; beyond that → 503 + Retry-After, which HubSpot retries. Only verified batches take a slot,
 * so forged requests cannot starve HubSpot's.
 *
 * Limits. Body ≤ 1 MB (a full batch of 100 is ~30 KB) → else 413 before anything is parsed.
 * ≤ 1,000 events per body (HubSpot sends ≤ 100) → else 413 `too_many_events`.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from '../logger';
import { reject } from './errors';
import { DEFAULT_MAX_EVENTS, parseEventBatch, type HubSpotEvent, type SkippedItem } from './events';
import type { ReplayGuard } from '../coordination/replay-guard';
import type { WebhookVerdict } from '../readiness/webhook-verdicts';
import { createInFlightLimiter } from './in-flight';
import { partitionOwnWrites } from './own-writes';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
import { verifyHubSpotRequest, type SignedRequestSettings } from './verify-request';

export const WEBHOOK_PATH = '/webhooks/hubspot';

export interface SkippedCounts {
  ownWrite: number;
  unknownType: number;
  invalid: number;
}

/** What the gate gets beside the events: a context per batch (probot style). */
export interface WebhookBatchMeta {
  requestId: string;
  receivedAt: number;
  /** Items in the body, before anything was skipped. */
  received: number;
  skipped: SkippedCounts;
  /** This app's own writes, removed from `events`; for consumers that do want them (e.g. roll-ups). */
  ownWrites: HubSpotEvent[];
  /** A child logger carrying the request id. */
  logger: Logger;
}

/** Resolves `{ queued: true }` when the batch was only put on the work queue (queue mode). */
export type OnWebhookBatch = (events: HubSpotEvent[], meta: WebhookBatchMeta) => Promise<void | { queued: true }> | void;

export interface WebhookReceipt {
  received: number;
  processed: number;
  skipped: SkippedCounts;
  /** Present when onBatch was still running at the deadline and goes on after the answer. */
  deferred?: true;
  /** Present when the events were put on the work queue (queue mode): workers decide them. */
  queued?: true;
}

export interface WebhookRouterOptions {
  clientSecret: string;
  /** HUBSPOT_APP_ID: events written with this app's token are not passed to onBatch. */
  appId: string | undefined;
  publicBaseUrl?: string;
  logger: Logger;
  onBatch: OnWebhookBatch;
  maxBodyBytes?: number;
  maxEvents?: number;
  maxInFlight?: number;
  answerWithinMs?: number;
  /** Clock in epoch ms (default Date.now). */
  now?: () => number;
  path?: string;
  /** Refuses an exact replay of a signed request; checked after the signature. */
  replayGuard?: ReplayGuard;
  /** Every signature verdict, for readiness ("every recent webhook refused"). */
  onVerdict?: (verdict: WebhookVerdict, at: number) => void;
}

export function webhookRouter(options: WebhookRouterOptions): Router {
  if (!options.clientSecret) {
    throw new Error("webhookRouter needs the client secret: set HUBSPOT_CLIENT_SECRET to the app's client secret.");
  }
  if (!options.appId) {
    options.logger.warn('HUBSPOT_APP_ID is not set: the service cannot recognise its own writes, so they will reach the gate again.');
  }
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const answerWithinMs = options.answerWithinMs ?? 4_000;
  const limiter = createInFlightLimiter(options.maxInFlight ?? 10);
  const now = options.now ?? Date.now;
  const settings: SignedRequestSettings = { clientSecret: options.clientSecret, publicBaseUrl: options.publicBaseUrl, now };

  async function receive(req: Request, res: Response): Promise<void> {
    const requestId = typeof res.locals.requestId === 'string' ? res.locals.requestId : randomUUID();
    const logger = options.logger.child({ requestId });
    const rawBody: unknown = req.body === undefined ? Buffer.alloc(0) : req.body;

    const verdict = verifyHubSpotRequest(req, rawBody as Buffer | string, settings);
    options.onVerdict?.(verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason }, now());
    if (!verdict.ok) throw reject.invalidSignature(verdict.reason, verdict.uri);
    const sighting = signedAs(req);
    // A guard that cannot answer (Redis away) lets the request through: the gate is idempotent.
    const first = options.replayGuard ? await options.replayGuard.firstSighting(sighting.signature, sighting.timestamp, now()).catch(() => true) : true;
    if (!first) throw reject.replayed();
    try {
      await accept(rawBody as Buffer | string, requestId, logger, res);
    } catch (err) {
      // Refused after the sighting was recorded: a redelivery of these bytes must not count as a replay.
      await options.replayGuard?.forget(sighting.signature, sighting.timestamp).catch(() => undefined);
      throw err;
    }
  }

  async function accept(rawBody: Buffer | string, requestId: string, logger: Logger, res: Response): Promise<void> {
    const batch = parseEventBatch(parseJson(rawBody), { maxEvents });
    if (!batch.ok) {
      if (batch.code === 'too_many_events') throw reject.tooManyEvents(batch.message, batch.received, maxEvents);
      throw batch.code === 'not_an_array' ? reject.notAnArray(batch.message) : reject.invalidBatch(batch.message);
    }

    const { others, ownWrites } = partitionOwnWrites(batch.events, options.appId);
    const skipped: SkippedCounts = {
      ownWrite: ownWrites.length,
      unknownType: batch.unknownType.length,
      invalid: batch.invalid.length,
    };
    logSkipped(logger, batch.unknownType, batch.invalid);

    const receipt: WebhookReceipt = { received: batch.received, processed: others.length, skipped };
    if (others.length > 0) {
      const meta: WebhookBatchMeta = { requestId, receivedAt: now(), received: batch.received, skipped, ownWrites, logger };
      const outcome = await runBatch(others, meta);
      if (outcome === 'deferred') receipt.deferred = true;
      if (outcome === 'queued') receipt.queued = true;
    }
    logger.info(receipt, 'webhook batch received');
    res.status(200).json(receipt);
  }

  async function runBatch(events: HubSpotEvent[], meta: WebhookBatchMeta): Promise<'done' | 'deferred' | 'queued'> {
    const release = limiter.tryAcquire();
    if (!release) throw reject.busy(limiter.max);
    const settled = (async () => {
      try {
        const said = await options.onBatch(events, meta);
        return { failed: false as const, queued: !!said && said.queued === true };
      } catch (error) {
        return { failed: true as const, error };
      } finally {
        release();
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(resolve, answerWithinMs, 'deadline');
    });
    const outcome = await Promise.race([settled, deadline]).finally(() => clearTimeout(timer));
    if (outcome === 'deadline') {
      meta.logger.warn({ events: events.length, answerWithinMs }, 'webhook batch still running at the deadline: answered 200, processing continues');
      void settled.then((late) => {
        if (late.failed) meta.logger.error({ err: late.error, events: events.length }, 'deferred webhook batch failed; the sweep will pick its deals up');
      });
      return 'deferred';
    }
    if (outcome.failed) throw reject.batchFailed(outcome.error, events.length);
    return outcome.queued ? 'queued' : 'done';
  }

  const router = express.Router();
  router.post(options.path ?? WEBHOOK_PATH, express.raw({ type: () => true, limit: options.maxBodyBytes ?? 1_000_000 }), receive);
  return router;
}

function signedAs(req: Request): { signature: string; timestamp: string } {
  const one = (v: string | string[] | undefined) => String((Array.isArray(v) ? v[0] : v) ?? '');
  return { signature: one(req.headers[SIGNATURE_HEADER]), timestamp: one(req.headers[TIMESTAMP_HEADER]) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(rawBody: Buffer | string): unknown {
  try {
    return JSON.parse(typeof rawBody === 'string' ? rawBody : utf8.decode(rawBody));
  } catch {
    throw reject.malformedJson();
  }
}

function logSkipped(logger: Logger, unknownType: SkippedItem[], invalid: SkippedItem[]): void {
  if (unknownType.length > 0) {
    const types = [...new Set(unknownType.map((item) => String(item.subscriptionType)))].slice(0, 10);
    logger.info({ count: unknownType.length, types }, 'skipped webhook events of unknown subscription types');
  }
  if (invalid.length > 0) {
    logger.warn({ count: invalid.length, items: invalid.slice(0, 10) }, 'skipped webhook events that do not match the event schema');
  }
}
