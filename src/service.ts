import { cardsRouter } from './cards/cards-router';
import type { Config } from './config';
import { sweepGatedDeals } from './gate/sweep';
import { createRenewalService } from './renewals/renewal-service';
import { createApp, type ReadinessReport } from './http/app';
import { startHttpServer, type StartedServer } from './http/listen';
import type { Logger } from './logger';
import { routeWebhookBatch } from './runtime/route-events';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime/runtime';
import { startScheduler, type ScheduledJob, type Scheduler } from './scheduler';

export type ServiceConfig = Config & { HUBSPOT_ACCESS_TOKEN: string; HUBSPOT_CLIENT_SECRET: string };

export interface RunningService {
  url: string;
  port: number;
  runtime: Runtime;
  scheduler: Scheduler | undefined;
  /** Stop accepting, finish the requests in flight, stop the scheduler. */
  close(): Promise<void>;
}

const READINESS_CACHE_MS = 30_000;

/** /readyz: config loaded (it is, or we would not run) and HubSpot reachable with the token, cached. */
function readinessCheck(rt: Runtime): () => Promise<ReadinessReport> {
  let last: { at: number; report: ReadinessReport } | undefined;
  return async () => {
    if (last && Date.now() - last.at < READINESS_CACHE_MS) return last.report;
    let report: ReadinessReport;
    try {
      const types = await rt.portalTypes();
      await rt.pipelines.all();
      report = { ok: true, checks: { config: 'ok', hubspot: 'ok', customObjects: Object.keys(types.roleOf).length } };
    } catch (err) {
      report = { ok: false, checks: { config: 'ok', hubspot: err instanceof Error ? err.message : String(err) } };
    }
    last = { at: Date.now(), report };
    return report;
  };
}

export function scheduledJobs(rt: Runtime): ScheduledJob[] {
  return [
    {
      name: 'renewals',
      cron: rt.config.RENEWAL_CRON,
      run: () => createRenewalService(rt).scan(),
    },
    {
      name: 'sweep',
      cron: rt.config.SWEEP_CRON,
      run: async () => sweepGatedDeals({ gateway: rt.gateway, gate: await rt.gate(), rules: rt.rules, pipelines: rt.pipelines }, rt.now()),
    },
  ];
}

/** Starts the webhook service, the cards API and (when SCHEDULER=on) the scheduler, in-process. */
export async function startService(config: ServiceConfig, logger: Logger, options: RuntimeOptions & { port?: number; host?: string } = {}): Promise<RunningService> {
  const runtime = createRuntime(config, logger, options);
  const app = createApp({
    clientSecret: config.HUBSPOT_CLIENT_SECRET,
    appId: config.HUBSPOT_APP_ID,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    logger,
    onWebhookBatch: routeWebhookBatch(runtime),
    cardsRouter: cardsRouter(runtime),
    readiness: readinessCheck(runtime),
  });
  const server: StartedServer = await startHttpServer(app, { port: options.port ?? config.PORT, host: options.host, logger });
  const scheduler = config.SCHEDULER === 'on' ? startScheduler(scheduledJobs(runtime), { timezone: config.PORTAL_TIMEZONE, logger }) : undefined;
  return {
    url: server.url,
    port: server.port,
    runtime,
    scheduler,
    async close() {
      await Promise.all([server.close(), scheduler?.stop()]);
    },
  };
}
