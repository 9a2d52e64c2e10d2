import type { Config } from '../config';
import { KeyedLock } from '../concurrency/keyed-lock';
import { assertModelStages } from '../gate/check-rule-stages';
import { PipelineCache } from '../gate/pipeline-cache';
import { resolveGateRules } from '../gate/resolve-rules';
import type { ResolvedGateRule } from '../gate/types';
import { clientSettingsFrom, hubSpotClient } from '../hubspot/client';
import { CrmGateway, type CallObserver } from '../hubspot/crm-gateway';
import { discoverPortalTypes, type PortalTypes } from '../hubspot/object-types';
import type { Logger } from '../logger';
import { combineObservers, hubSpotCallObserver, type Metrics } from '../metrics';
import { loadModel, objectByRole, type Model } from '../model';
import { ownerCache } from '../words/owner-cache';
import { createEngine, type EngineOptions } from './engine';
import { once } from './once';

export interface RuntimeOptions {
  now?: () => Date;
  observe?: CallObserver;
  model?: Model;
  /** Counts HubSpot calls and gate decisions (src/metrics). */
  metrics?: Metrics;
  /** How retries wait (default: setTimeout). Tests pass a recording, compressed sleep. */
  retrySleep?: (ms: number) => Promise<void>;
  /** Redis prefix, test timings, or the in-memory queue (src/runtime/engine.ts). */
  engine?: EngineOptions;
}

/**
 * What every use case is built from, once per process: the model from schemas/, the resolved gate
 * rules, the engine (budget, breaker, queue, leader lock: in memory or in Redis), one HubSpot client
 * and gateway, the pipelines and owners (cached), the in-process locks, and the portal's custom
 * object types (read on first use).
 */
export function createInfrastructure(config: Config & { HUBSPOT_ACCESS_TOKEN: string }, logger: Logger, options: RuntimeOptions) {
  const model = options.model ?? loadModel(config.SCHEMAS_DIR);
  const rules: ResolvedGateRule[] = resolveGateRules(model);
  const engine = createEngine(config, logger, options.engine);
  // The engine's budget counts every call (across replicas with Redis): the client's own limiter is off.
  const client = hubSpotClient({ ...clientSettingsFrom(config), requestsPer10s: 0 });
  const gateway = new CrmGateway(client, {
    budget: engine.budget,
    breaker: engine.breaker,
    retry: {
      retries: config.HUBSPOT_RETRIES,
      baseMs: config.HUBSPOT_RETRY_BASE_MS,
      ...(options.retrySleep ? { sleep: options.retrySleep } : {}),
      onRetry: (err, attempt, ms) => logger.warn({ status: err.status, operation: err.operation, attempt, waitMs: ms }, 'HubSpot call failed; retrying'),
    },
    observe: combineObservers(options.metrics && hubSpotCallObserver(options.metrics), options.observe),
  });
  // Every read of the pipelines re-checks the rules: a stage renamed away in HubSpot stops the
  // gate loudly (a ModelError naming the file) instead of matching no deal.
  const pipelines = new PipelineCache(async () => {
    const read = await gateway.pipelines('deals');
    assertModelStages(model, read);
    return read;
  });
  const names = {
    scope: objectByRole(model, 'scope').name,
    contract: objectByRole(model, 'contract').name,
    customerStatus: objectByRole(model, 'customer_status').name,
    ...(model.objects.some((o) => o.role === 'commitment') ? { commitment: objectByRole(model, 'commitment').name } : {}),
  };
  const portalTypes: () => Promise<PortalTypes> = once(() => discoverPortalTypes(gateway, names));
  return {
    engine,
    model,
    rules,
    gateway,
    pipelines,
    portalTypes,
    locks: new KeyedLock(),
    owners: ownerCache(() => gateway.owners()),
    clock: options.now ?? (() => new Date()),
  };
}
