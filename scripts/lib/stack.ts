import type { DestinationStream } from 'pino';
import { parseConfig } from '../../src/config';
import type { SweepResult } from '../../src/gate/sweep';
import { clientSettingsFrom, hubSpotClient } from '../../src/hubspot/client';
import { PortalSchemaGateway } from '../../src/hubspot/portal-schema';
import { createLogger, type Logger } from '../../src/logger';
import { loadModel, type Model } from '../../src/model';
import { applyPlan, planProvisioning, readPortal, type ApplySummary, type Plan } from '../../src/provisioning';
import { webhookSubscriptions } from '../../src/project/webhook-subscriptions';
import { startSandbox, type FaultOptions, type Sandbox, type SandboxOptions } from '@throughline/sandbox';
import { startService, type RunningService, type ServiceConfig, type ServiceOptions } from '../../src/service';

/**
 * The local stand-in and the real service, wired together in one process: what the demo, the
 * end-to-end and fault tests and the benchmarks run. The service sees only a base URL.
 */
export interface Stack {
  sandbox: Sandbox;
  /** The running service; a new object after `restartService`. */
  readonly service: RunningService;
  config: ServiceConfig;
  model: Model;
  logger: Logger;
  provision(): Promise<{ plan: Plan; summary: ApplySummary }>;
  /** A fresh service (new runtime, caches, locks) on the same port: a process restart. */
  restartService(options?: ServiceOptions): Promise<RunningService>;
  sweep(): Promise<SweepResult>;
  close(): Promise<void>;
}

export interface StackOptions {
  faults?: FaultOptions;
  seed?: number;
  logLevel?: string;
  logDestination?: DestinationStream;
  /** Extra config (env-style) for the service. */
  env?: Record<string, string>;
  /** The service's clock (the sandbox keeps its own). */
  now?: () => Date;
  webhookRetrySchedule?: number[];
  /** Fixed ports (demo --serve); default any free port. */
  sandboxPort?: number;
  servicePort?: number;
  /** More stand-in or service options (faults, limits, metrics, retry sleep…). */
  sandbox?: Partial<SandboxOptions>;
  service?: ServiceOptions;
}

/** Service configuration pointing at a stand-in: its token, secret and app id; fast retries. */
export function standInConfig(sandbox: Sandbox, env: Record<string, string> = {}): ServiceConfig {
  return parseConfig({
    HUBSPOT_ACCESS_TOKEN: sandbox.accessToken,
    HUBSPOT_CLIENT_SECRET: sandbox.clientSecret,
    HUBSPOT_APP_ID: sandbox.appId,
    HUBSPOT_API_BASE_URL: sandbox.url,
    HUBSPOT_RETRIES: '6',
    HUBSPOT_RETRY_BASE_MS: '20',
    HUBSPOT_REQUESTS_PER_10S: '0',
    LOG_LEVEL: 'silent',
    PORTAL_TIMEZONE: 'UTC',
    ...env,
  }) as ServiceConfig;
}

/** Provisions the data model with the real provisioning code: read portal → plan → apply. */
export async function provisionWith(config: ServiceConfig, model: Model): Promise<{ plan: Plan; summary: ApplySummary }> {
  const gateway = new PortalSchemaGateway(hubSpotClient(clientSettingsFrom(config)), { retries: 6, baseMs: 20 });
  const plan = planProvisioning(model, await readPortal(gateway, model));
  return { plan, summary: await applyPlan(plan, gateway) };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const model = loadModel('schemas');
  const sandbox = await startSandbox({
    port: options.sandboxPort ?? 0,
    // As webhooks-hsmeta.json: custom objects by ${…_OBJECT_TYPE_ID}, which the stand-in resolves once provision() has created them.
    subscriptions: webhookSubscriptions(model),
    webhookRetrySchedule: options.webhookRetrySchedule ?? [20, 50, 100, 200],
    webhookBatchDelayMs: 20,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...options.sandbox,
  });
  const config = standInConfig(sandbox, { ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}), ...options.env });
  const logger = createLogger(config.LOG_LEVEL, options.logDestination, [config.HUBSPOT_ACCESS_TOKEN, config.HUBSPOT_CLIENT_SECRET]);
  const start = (port: number, extra: ServiceOptions = {}) =>
    startService(config, logger, { port, host: '127.0.0.1', model, ...(options.now ? { now: options.now } : {}), ...options.service, ...extra });
  let service = await start(options.servicePort ?? 0);
  sandbox.setWebhookTarget(`${service.url}/webhooks/hubspot`);
  return {
    sandbox,
    get service() {
      return service;
    },
    config,
    model,
    logger,
    provision: () => provisionWith(config, model),
    async restartService(extra) {
      const port = service.port;
      await service.close();
      service = await start(port, extra);
      return service;
    },
    async sweep() {
      return service.runtime.sweep();
    },
    async close() {
      await service.close();
      await sandbox.stop();
    },
  };
}
