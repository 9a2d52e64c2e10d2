import type { DestinationStream } from 'pino';
import { namesOf, seedOwners, type Names } from '../../scripts/lib/seed';
import { parseConfig } from '../../src/config';
import { sweepGatedDeals, type SweepResult } from '../../src/gate/sweep';
import { clientSettingsFrom, hubSpotClient } from '../../src/hubspot/client';
import { PortalSchemaGateway } from '../../src/hubspot/portal-schema';
import { createLogger, type Logger } from '../../src/logger';
import { loadModel, type Model } from '../../src/model';
import { webhookSubscriptions } from '../../src/project/webhook-subscriptions';
import { applyPlan, planProvisioning, readPortal } from '../../src/provisioning';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import { startService, type RunningService, type ServiceConfig, type ServiceOptions } from '../../src/service';

/**
 * The stand-in and the real service, like scripts/lib/stack.ts, with what fault tests need on top:
 * a seeded PRNG, a longer webhook retry schedule, service options (observer, metrics, limits), a
 * service that can be killed and started again on the same port, and retries whose waits are
 * recorded and compressed. The retry code still computes every wait (Retry-After: 1 → 1,000 ms);
 * the test only sleeps 1/50th of it, so a 30% 429 rate costs milliseconds, not minutes.
 */
export interface FaultStack {
  sandbox: Sandbox;
  service: RunningService;
  config: ServiceConfig;
  model: Model;
  names: Names;
  logger: Logger;
  /** Every wait the retry policy asked for, in ms (before compression). */
  retryWaits: number[];
  /** Starts a fresh service process-equivalent (new runtime, caches, locks) on the same port. */
  restartService(options?: ServiceOptions): Promise<RunningService>;
  sweep(): Promise<SweepResult>;
  close(): Promise<void>;
}

export interface FaultStackOptions {
  seed?: number;
  /** Delays before webhook re-deliveries (HubSpot's is ~24 h). */
  webhookRetrySchedule?: number[];
  env?: Record<string, string>;
  logLevel?: string;
  logDestination?: DestinationStream;
  service?: ServiceOptions;
  sandbox?: Partial<SandboxOptions>;
  /** Provision the data model and seed owners before the service starts (default true). */
  provision?: boolean;
}

export const RETRY_TIME_SCALE = 50;

export async function startFaultStack(options: FaultStackOptions = {}): Promise<FaultStack> {
  const model = loadModel('schemas');
  const sandbox = await startSandbox({
    subscriptions: webhookSubscriptions(model),
    webhookRetrySchedule: options.webhookRetrySchedule ?? [20, 50, 100, 200, 400, 800],
    webhookBatchDelayMs: 20,
    seed: options.seed ?? 1,
    ...options.sandbox,
  });
  const config = parseConfig({
    HUBSPOT_ACCESS_TOKEN: sandbox.accessToken,
    HUBSPOT_CLIENT_SECRET: sandbox.clientSecret,
    HUBSPOT_APP_ID: sandbox.appId,
    HUBSPOT_API_BASE_URL: sandbox.url,
    HUBSPOT_RETRIES: '6',
    HUBSPOT_RETRY_BASE_MS: '20',
    HUBSPOT_REQUESTS_PER_10S: '0',
    LOG_LEVEL: options.logLevel ?? 'silent',
    PORTAL_TIMEZONE: 'UTC',
    ...options.env,
  }) as ServiceConfig;
  const logger = createLogger(config.LOG_LEVEL, options.logDestination, [config.HUBSPOT_ACCESS_TOKEN, config.HUBSPOT_CLIENT_SECRET]);

  if (options.provision ?? true) {
    const gateway = new PortalSchemaGateway(hubSpotClient(clientSettingsFrom(config)), { retries: 6, baseMs: 20 });
    await applyPlan(planProvisioning(model, await readPortal(gateway, model)), gateway);
    seedOwners(sandbox);
  }

  const retryWaits: number[] = [];
  const retrySleep = (ms: number) => {
    retryWaits.push(ms);
    return new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(ms / RETRY_TIME_SCALE)));
  };
  const start = (port: number, extra: ServiceOptions = {}) =>
    startService(config, logger, { port, host: '127.0.0.1', model, retrySleep, ...options.service, ...extra });

  let service = await start(0);
  const port = service.port;
  sandbox.setWebhookTarget(`${service.url}/webhooks/hubspot`);

  const stack: FaultStack = {
    sandbox,
    get service() {
      return service;
    },
    config,
    model,
    names: namesOf(model),
    logger,
    retryWaits,
    async restartService(extra) {
      await service.close();
      service = await start(port, extra);
      return service;
    },
    async sweep() {
      const rt = service.runtime;
      return sweepGatedDeals({ gateway: rt.gateway, gate: await rt.gate(), rules: rt.rules, pipelines: rt.pipelines }, rt.now());
    },
    async close() {
      await service.close();
      await sandbox.stop();
    },
  };
  return stack;
}

/** Runs `job` until it completes, as the scheduler would at its next ticks; returns the result and the failures. */
export async function untilItSucceeds<T>(job: () => Promise<T>, attempts = 10): Promise<{ result: T; failures: unknown[] }> {
  const failures: unknown[] = [];
  for (let i = 0; i < attempts; i++) {
    try {
      return { result: await job(), failures };
    } catch (err) {
      failures.push(err);
    }
  }
  throw new Error(`still failing after ${attempts} attempts: ${String(failures.at(-1))}`);
}

/** Calendar arithmetic for fixtures, kept apart from src/dates. */
export function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
