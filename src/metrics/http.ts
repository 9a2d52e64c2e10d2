import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import type { Metrics } from './metrics';

/**
 * Counts webhook requests by how they were answered, without reaching into the receiver: it sees
 * the status and the JSON the receiver (200 with counts) or the error handler (`{ error: code }`)
 * sends. Mounted in front of the webhook route.
 */
export function webhookMetrics(metrics: Metrics): RequestHandler {
  return (_req, res, next) => {
    const started = process.hrtime.bigint();
    let body: unknown;
    const json = res.json.bind(res);
    res.json = (payload: unknown) => {
      body = payload;
      return json(payload);
    };
    let recorded = false;
    const record = (outcome: string) => {
      if (recorded) return;
      recorded = true;
      metrics.webhookBatches.inc({ outcome });
      metrics.webhookDuration.observe({ outcome }, Number(process.hrtime.bigint() - started) / 1e9);
      if (outcome === 'ok' || outcome === 'deferred' || outcome === 'queued') countEvents(metrics, body);
    };
    res.on('finish', () => record(webhookOutcome(res.statusCode, body)));
    res.on('close', () => record('aborted'));
    next();
  };
}

export function webhookOutcome(status: number, body: unknown): string {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { deferred?: unknown; queued?: unknown; error?: unknown };
  if (status === 200) return b.deferred === true ? 'deferred' : b.queued === true ? 'queued' : 'ok';
  // Codes come from our own error handler (a closed set); anything else is named by its status.
  return typeof b.error === 'string' && /^[a-z_]{1,40}$/.test(b.error) ? b.error : `http_${status}`;
}

function countEvents(metrics: Metrics, body: unknown): void {
  const receipt = body as { processed?: number; skipped?: { ownWrite?: number; unknownType?: number; invalid?: number } } | undefined;
  const add = (outcome: string, n: number | undefined) => {
    if (typeof n === 'number' && n > 0) metrics.webhookEvents.inc({ outcome }, n);
  };
  add('processed', receipt?.processed);
  add('own_write', receipt?.skipped?.ownWrite);
  add('unknown_type', receipt?.skipped?.unknownType);
  add('invalid', receipt?.skipped?.invalid);
}

/** GET /metrics in Prometheus' text format. */
export function metricsEndpoint(registry: Registry): RequestHandler {
  return async (_req, res, next) => {
    try {
      const text = await registry.metrics();
      res.status(200).set('Content-Type', registry.contentType).send(text);
    } catch (err) {
      next(err);
    }
  };
}
