import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's Prometheus metrics, on a registry of their own (not prom-client's global one), so
 * tests and several in-process services each get a fresh set. Label values come from closed sets
 * (outcome codes, gate actions, normalised operation names), never from ids, so cardinality stays
 * bounded. See docs/operations.md for what each one means and what to alert on.
 */

export const WEBHOOK_EVENT_OUTCOMES = ['processed', 'own_write', 'unknown_type', 'invalid'] as const;
export type WebhookEventOutcome = (typeof WEBHOOK_EVENT_OUTCOMES)[number];

export type HubSpotCallOutcome = 'ok' | 'rate_limited' | 'server_error' | 'unreachable' | 'refused' | 'not_found' | 'client_error';

export interface MetricsOptions {
  /** Node process metrics (CPU, memory, event loop lag, GC): on by default. */
  defaultMetrics?: boolean;
  /** Prefix for every metric name; default `throughline_`. */
  prefix?: string;
}

export function createMetrics(options: MetricsOptions = {}) {
  const registry = new Registry();
  const prefix = options.prefix ?? 'throughline_';
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix });
  const registers = [registry];

  return {
    registry,
    webhookBatches: new Counter({
      name: `${prefix}webhook_batches_total`,
      help: 'Webhook requests by how they were answered: ok, deferred, or the rejection code (invalid_signature, malformed_json, payload_too_large, busy, batch_failed, …).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    webhookEvents: new Counter({
      name: `${prefix}webhook_events_total`,
      help: 'Events in accepted webhook batches: processed (handed to the gate/renewals), own_write, unknown_type, invalid (skipped).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    webhookDuration: new Histogram({
      name: `${prefix}webhook_request_duration_seconds`,
      help: 'Time from receiving a webhook request to answering it (HubSpot gives up after about 5 s).',
      labelNames: ['outcome'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 4, 5, 10],
      registers,
    }),
    gateDecisions: new Counter({
      name: `${prefix}gate_decisions_total`,
      help: 'Close gate decisions: action block|pass|skip; status is blocked|passed|overridden, or the skip reason.',
      labelNames: ['action', 'status'] as const,
      registers,
    }),
    hubspotCalls: new Counter({
      name: `${prefix}hubspot_calls_total`,
      help: 'HTTP calls to HubSpot (every attempt, retries included) by operation and outcome: ok, rate_limited, server_error, unreachable, refused (401/403), not_found, client_error.',
      labelNames: ['operation', 'outcome'] as const,
      registers,
    }),
    hubspotRateLimited: new Counter({
      name: `${prefix}hubspot_rate_limited_total`,
      help: 'HubSpot calls answered 429 (each is retried after the wait HubSpot asks for).',
      registers,
    }),
    jobDuration: new Histogram({
      name: `${prefix}scheduled_job_duration_seconds`,
      help: 'Duration of scheduled jobs (sweep, renewals) by outcome.',
      labelNames: ['job', 'outcome'] as const,
      buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600],
      registers,
    }),
    sweepDuration: new Histogram({
      name: `${prefix}sweep_duration_seconds`,
      help: 'Duration of gate sweeps that completed.',
      buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300],
      registers,
    }),
    renewalScanDuration: new Histogram({
      name: `${prefix}renewal_scan_duration_seconds`,
      help: 'Duration of renewal scans that completed.',
      buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600],
      registers,
    }),
    sweepDeals: new Counter({
      name: `${prefix}sweep_deals_total`,
      help: 'Deals the sweep found and what it did: reverted or passed (a webhook was missed or failed), skipped.',
      labelNames: ['result'] as const,
      registers,
    }),
    jobLastSuccess: new Gauge({
      name: `${prefix}scheduled_job_last_success_timestamp_seconds`,
      help: 'When each scheduled job last completed without error (unix seconds).',
      labelNames: ['job'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Operation names as the gateway gives them, without record ids, so that the label has a bounded
 * set of values: `read deals 123` → `read deals`, `update tasks 9` → `update tasks`.
 */
export function operationLabel(operation: string): string {
  return operation
    .split(/\s+/)
    .filter((word) => !/^\d+$/.test(word))
    .join(' ')
    .slice(0, 80);
}

/** ok · rate_limited (429) · server_error (5xx) · unreachable · refused (401/403: token or scopes) · not_found · client_error (other 4xx). */
export function callOutcome(outcome: 'ok' | 'error', status: number | undefined): HubSpotCallOutcome {
  if (outcome === 'ok') return 'ok';
  if (status === 429) return 'rate_limited';
  if (status === undefined || status === 0) return 'unreachable';
  if (status >= 500) return 'server_error';
  if (status === 401 || status === 403) return 'refused';
  return status === 404 ? 'not_found' : 'client_error';
}
