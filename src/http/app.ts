import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import type { ReplayGuard } from '../coordination/replay-guard';
import type { Logger } from '../logger';
import type { WebhookVerdict } from '../readiness/webhook-verdicts';
import { metricsEndpoint, webhookMetrics, type Metrics } from '../metrics';
import { WEBHOOK_PATH, webhookRouter, type OnWebhookBatch, type WebhookRouterOptions } from '../webhooks/receiver';
import { errorHandler, notFoundHandler, readinessStatus } from './errors';
import { requireHubSpotSignature } from './signed-requests';

/**
 * The service's HTTP surface:
 *   GET  /healthz            liveness: the process answers
 *   GET  /readyz             readiness: runs `readiness()` (200, or 503 with what failed)
 *   GET  /metrics            Prometheus metrics, when `metrics` is given (unauthenticated: keep it
 *                            off the public route, see docs/operations.md)
 *   POST /webhooks/hubspot   HubSpot webhook batches (src/webhooks/receiver.ts)
 *   *    /api/cards/…        the cards router, behind signature v3 verification
 * then a JSON 404, then the one error handler. No HubSpot client is imported here: what happens to
 * events and card requests is injected (onWebhookBatch, cardsRouter).
 */

export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, unknown>;
}

export interface CreateAppOptions {
  /** HUBSPOT_CLIENT_SECRET */
  clientSecret: string;
  /** HUBSPOT_APP_ID */
  appId: string | undefined;
  /** PUBLIC_BASE_URL */
  publicBaseUrl?: string;
  logger: Logger;
  onWebhookBatch: OnWebhookBatch;
  /** Mounted at /api/cards behind requireHubSpotSignature. */
  cardsRouter?: RequestHandler;
  readiness?: () => Promise<ReadinessReport>;
  readinessTimeoutMs?: number;
  /** Clock in epoch ms (default Date.now), for signature timestamps. */
  now?: () => number;
  /** Webhook limits; defaults in receiver.ts. */
  webhooks?: Pick<WebhookRouterOptions, 'maxBodyBytes' | 'maxEvents' | 'maxInFlight' | 'answerWithinMs'>;
  /** Serves GET /metrics and counts webhook answers (src/metrics). */
  metrics?: Metrics;
  /** Refuses exact replays of signed webhook requests (src/coordination/replay-guard.ts). */
  replayGuard?: ReplayGuard;
  /** Every webhook signature verdict (for /readyz). */
  onWebhookVerdict?: (verdict: WebhookVerdict, at: number) => void;
}

export function createApp(options: CreateAppOptions): Express {
  const { logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  app.use((_req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const report = await checkReadiness(options.readiness, options.readinessTimeoutMs ?? 3_000);
    if (!report.ok) logger.warn({ checks: report.checks }, 'not ready');
    res.status(readinessStatus(report.ok)).json({ status: report.ok ? 'ready' : 'not_ready', checks: report.checks });
  });

  if (options.metrics) {
    app.get('/metrics', metricsEndpoint(options.metrics.registry));
    app.post(WEBHOOK_PATH, webhookMetrics(options.metrics));
  }

  app.use(
    webhookRouter({
      ...options.webhooks,
      clientSecret: options.clientSecret,
      appId: options.appId,
      publicBaseUrl: options.publicBaseUrl,
      logger,
      onBatch: options.onWebhookBatch,
      now: options.now,
      ...(options.replayGuard ? { replayGuard: options.replayGuard } : {}),
      ...(options.onWebhookVerdict ? { onVerdict: options.onWebhookVerdict } : {}),
    }),
  );

  if (options.cardsRouter) {
    const signed = requireHubSpotSignature({
      clientSecret: options.clientSecret,
      publicBaseUrl: options.publicBaseUrl,
      logger,
      now: options.now,
    });
    app.use('/api/cards', signed, options.cardsRouter);
  }

  app.use(notFoundHandler());
  app.use(errorHandler(logger));
  return app;
}

async function checkReadiness(readiness: (() => Promise<ReadinessReport>) | undefined, timeoutMs: number): Promise<ReadinessReport> {
  if (!readiness) return { ok: true, checks: {} };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadinessReport>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, checks: { readiness: `no answer within ${timeoutMs} ms` } }), timeoutMs);
  });
  try {
    return await Promise.race([readiness(), timeout]);
  } catch (err) {
    return { ok: false, checks: { readiness: err instanceof Error ? err.message : String(err) } };
  } finally {
    clearTimeout(timer);
  }
}
