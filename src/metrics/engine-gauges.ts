import { Gauge } from 'prom-client';
import type { Readiness } from '../readiness/decide-readiness';
import type { QueueStatus } from '../queue/work-queue';
import type { Metrics } from './metrics';

/**
 * What /readyz judges, as numbers on /metrics, read when Prometheus scrapes: the circuit, the
 * queue (waiting, delayed, running, failed, and the depth limit), recent webhook signature
 * refusals, and readiness itself.
 */
export interface EngineSignals {
  readiness: () => Promise<Readiness>;
  queue?: (() => Promise<QueueStatus>) | undefined;
}

export function registerEngineGauges(metrics: Metrics, signals: EngineSignals, prefix = 'throughline_'): void {
  const registers = [metrics.registry];
  // One reading per scrape, shared by the gauges below.
  let read: { at: number; value: Promise<Readiness> } | undefined;
  const readiness = () => {
    if (!read || Date.now() - read.at > 100) read = { at: Date.now(), value: signals.readiness() };
    return read.value;
  };
  const gauge = (name: string, help: string, collect: (g: Gauge) => Promise<void>, labelNames: string[] = []) =>
    new Gauge({
      name: `${prefix}${name}`,
      help,
      labelNames,
      registers,
      async collect() {
        await collect(this).catch(() => undefined);
      },
    });
  gauge('ready', '1 when /readyz would answer ready on its live signals (circuit, queue, webhook signatures), else 0.', async (g) => {
    g.set((await readiness()).ready ? 1 : 0);
  });
  gauge('hubspot_circuit_open', '1 while HubSpot calls fail fast (the circuit is open or half open), else 0.', async (g) => {
    g.set((await readiness()).gauges.circuit_open);
  });
  gauge(
    'webhook_signature_refusals_recent',
    'Webhook requests refused for their signature among the most recent ones (last 5 minutes, at most 20).',
    async (g) => {
      g.set((await readiness()).gauges.webhook_signature_refusals);
    },
  );
  if (!signals.queue) return;
  const queue = signals.queue;
  gauge(
    'queue_jobs',
    'Jobs in the work queue by state: waiting, delayed (coalescing, backoff, busy key), active, failed (kept for `npm run queue -- retry`).',
    async (g) => {
      const s = await queue();
      for (const state of ['waiting', 'delayed', 'active', 'failed'] as const) g.set({ state }, s[state]);
    },
    ['state'],
  );
  gauge('queue_max_depth', 'QUEUE_MAX_DEPTH: waiting + delayed jobs beyond which /readyz says the queue is saturated.', async (g) => {
    g.set((await readiness()).gauges.queue_max_depth);
  });
}
