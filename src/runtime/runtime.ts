import type { Config } from '../config';
import { KeyedLock } from '../concurrency/keyed-lock';
import { assertRuleStages } from '../gate/check-rule-stages';
import { createGateService, type GateService } from '../gate/gate-service';
import { PipelineCache } from '../gate/pipeline-cache';
import { resolveGateRules } from '../gate/resolve-rules';
import type { ResolvedGateRule } from '../gate/types';
import { clientSettingsFrom, hubSpotClient } from '../hubspot/client';
import { CrmGateway, type CallObserver } from '../hubspot/crm-gateway';
import { discoverPortalTypes, type PortalTypes } from '../hubspot/object-types';
import type { Logger } from '../logger';
import { combineObservers, hubSpotCallObserver, recordGateRun, type Metrics } from '../metrics';
import { gateRulesFile, loadModel, objectByRole, type Model } from '../model';
import { ownerCache } from '../words/owner-cache';

export interface RuntimeOptions {
  now?: () => Date;
  observe?: CallObserver;
  model?: Model;
  /** Counts HubSpot calls and gate decisions (src/metrics). */
  metrics?: Metrics;
  /** How retries wait (default: setTimeout). Tests pass a recording, compressed sleep. */
  retrySleep?: (ms: number) => Promise<void>;
}

/**
 * The composition root shared by the server and every script: one HubSpot client, one gateway,
 * the model from schemas/, and the gate, built once per process.
 */
export function createRuntime(config: Config & { HUBSPOT_ACCESS_TOKEN: string }, logger: Logger, options: RuntimeOptions = {}) {
  const model = options.model ?? loadModel(config.SCHEMAS_DIR);
  const rules: ResolvedGateRule[] = resolveGateRules(model);
  const client = hubSpotClient(clientSettingsFrom(config));
  const gateway = new CrmGateway(client, {
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
    assertRuleStages(model.gateRules.rules, read, gateRulesFile(model));
    return read;
  });
  const locks = new KeyedLock();
  const owners = ownerCache(() => gateway.owners());
  const names = {
    scope: objectByRole(model, 'scope').name,
    contract: objectByRole(model, 'contract').name,
    customerStatus: objectByRole(model, 'customer_status').name,
  };

  let types: Promise<PortalTypes> | undefined;
  const portalTypes = (): Promise<PortalTypes> => {
    types ??= discoverPortalTypes(gateway, names).catch((err: unknown) => {
      types = undefined;
      throw err;
    });
    return types;
  };

  let gate: Promise<GateService> | undefined;
  const gateService = (): Promise<GateService> => {
    gate ??= portalTypes().then((t) =>
      withGateMetrics(
        createGateService({
          gateway,
          types: t,
          rules,
          pipelines,
          locks,
          logger,
          defaultOwnerId: config.DEFAULT_OWNER_ID,
          appId: config.HUBSPOT_APP_ID,
          timeZone: config.PORTAL_TIMEZONE,
          owners,
        }),
        options.metrics,
      ),
    );
    gate.catch(() => (gate = undefined));
    return gate;
  };

  return { config, logger, model, rules, gateway, pipelines, owners, locks, names, portalTypes, gate: gateService, now: options.now ?? (() => new Date()) };
}

export type Runtime = ReturnType<typeof createRuntime>;

/** Every gate run (webhooks, sweep, the card's recheck) counts its decisions. */
function withGateMetrics(gate: GateService, metrics: Metrics | undefined): GateService {
  if (!metrics) return gate;
  return {
    ...gate,
    gateDeals: async (dealIds, now) => {
      const run = await gate.gateDeals(dealIds, now);
      recordGateRun(metrics, run);
      return run;
    },
  };
}
