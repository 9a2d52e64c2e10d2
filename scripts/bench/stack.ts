import { parseConfig } from '../../src/config';
import { clientSettingsFrom, hubSpotClient } from '../../src/hubspot/client';
import { PortalSchemaGateway } from '../../src/hubspot/portal-schema';
import { createLogger } from '../../src/logger';
import { loadModel, type Model } from '../../src/model';
import { applyPlan, planProvisioning, readPortal, type ApplySummary, type Plan } from '../../src/provisioning';
import { startSandbox, type FaultOptions, type Sandbox } from '../../src/sandbox';
import { startService, type RunningService, type ServiceConfig } from '../../src/service';
import { CallLog } from './call-log';

/**
 * scripts/lib/stack.ts for benchmarks: the same stand-in and real service, plus the gateway's call
 * observer (so calls can be attributed to operations) and no webhook subscriptions on the stand-in
 * (benchmarks send their own signed batches and time them; the stand-in echoing the service's own
 * writes back would only add noise — the service skips those without a HubSpot call anyway).
 */
export interface BenchStack {
  sandbox: Sandbox;
  service: RunningService;
  config: ServiceConfig;
  model: Model;
  log: CallLog;
  provision(): Promise<{ plan: Plan; summary: ApplySummary }>;
  close(): Promise<void>;
}

/** Service configuration pointing at the stand-in, as scripts/lib/stack.ts sets it. */
export function configFor(sandbox: Sandbox, env: Record<string, string> = {}): ServiceConfig {
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

export async function startBenchSandbox(faults: FaultOptions = {}): Promise<{ sandbox: Sandbox; model: Model }> {
  const model = loadModel('schemas');
  const sandbox = await startSandbox({ port: 0, subscriptions: [], faults, webhookBatchDelayMs: 20, webhookRetrySchedule: [20, 50, 100] });
  return { sandbox, model };
}

/** Provisions the data model with the real provisioning code (read portal → plan → apply). */
export async function provisionPortal(sandbox: Sandbox, model: Model): Promise<{ plan: Plan; summary: ApplySummary }> {
  const config = configFor(sandbox);
  const gateway = new PortalSchemaGateway(hubSpotClient(clientSettingsFrom(config)), { retries: 6, baseMs: 20 });
  const plan = planProvisioning(model, await readPortal(gateway, model));
  const summary = await applyPlan(plan, gateway);
  return { plan, summary };
}

export async function startBenchStack(options: { faults?: FaultOptions; now?: () => Date } = {}): Promise<BenchStack> {
  const { sandbox, model } = await startBenchSandbox(options.faults);
  const config = configFor(sandbox);
  const log = new CallLog();
  const logger = createLogger(config.LOG_LEVEL, undefined, [config.HUBSPOT_ACCESS_TOKEN, config.HUBSPOT_CLIENT_SECRET]);
  const service = await startService(config, logger, { port: 0, host: '127.0.0.1', model, observe: log.observe, ...(options.now ? { now: options.now } : {}) });
  return {
    sandbox,
    service,
    config,
    model,
    log,
    provision: () => provisionPortal(sandbox, model),
    async close() {
      await service.close();
      await sandbox.stop();
    },
  };
}

/** Names the custom object type ids in the call log once the portal is provisioned. */
export async function nameCustomTypes(stack: BenchStack): Promise<void> {
  const types = await stack.service.runtime.portalTypes();
  stack.log.nameTypes(Object.fromEntries(Object.entries(types.roleOf).map(([id, role]) => [id, role])));
}
