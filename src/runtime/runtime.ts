import { createCardService } from '../cards/card-service';
import type { Config } from '../config';
import { createGateService } from '../gate/gate-service';
import { createSweep } from '../gate/sweep';
import type { Logger } from '../logger';
import { createRenewalService, reminderSettings } from '../renewals/renewal-service';
import { createCustomerStatusService } from '../status/customer-status-service';
import { withGateMetrics } from './gate-metrics';
import { createInfrastructure, type RuntimeOptions } from './infrastructure';
import { once } from './once';

export type { RuntimeOptions } from './infrastructure';

/**
 * The composition root shared by the server and every script: the infrastructure once per process,
 * and each use case built once, on first use, from the narrow deps it declares. No use case imports
 * this file; callers ask it (`await rt.gate()`, `rt.sweep(now)`) and never wire one themselves.
 *
 * A new capability is one more entry below, e.g.
 *   delivery: once(async () => createDeliveryService({ gateway, types: await portalTypes(), locks, … })),
 */
export function createRuntime(config: Config & { HUBSPOT_ACCESS_TOKEN: string }, logger: Logger, options: RuntimeOptions = {}) {
  const { engine, model, rules, gateway, pipelines, portalTypes, locks, owners, clock } = createInfrastructure(config, logger, options);
  const timeZone = config.PORTAL_TIMEZONE;

  const gate = once(async () =>
    withGateMetrics(
      createGateService({
        gateway,
        types: await portalTypes(),
        rules,
        pipelines,
        locks,
        logger,
        defaultOwnerId: config.DEFAULT_OWNER_ID,
        appId: config.HUBSPOT_APP_ID,
        timeZone,
        owners,
      }),
      options.metrics,
    ),
  );

  const customerStatus = once(async () => createCustomerStatusService({ gateway, types: await portalTypes(), locks, appId: config.HUBSPOT_APP_ID }));

  const renewals = once(async () =>
    createRenewalService({
      gateway,
      types: await portalTypes(),
      locks,
      settings: reminderSettings(model.renewals, config.RENEWAL_LEAD_DAYS),
      statuses: await customerStatus(),
      defaultOwnerId: config.DEFAULT_OWNER_ID,
      timeZone,
      logger,
      clock,
    }),
  );

  const sweep = once(async () => createSweep({ gateway, gate: await gate(), rules, pipelines }));

  const cards = once(async () =>
    createCardService({
      gate: await gate(),
      gateway,
      types: await portalTypes(),
      pipelines,
      model,
      settings: { timeZone, currency: config.PORTAL_CURRENCY, appId: config.HUBSPOT_APP_ID },
      clock,
    }),
  );

  return {
    config,
    logger,
    /** Budget, breaker, replay set, leader lock and queue: in memory, or shared in Redis (REDIS_URL). */
    engine,
    model,
    rules,
    gateway,
    pipelines,
    portalTypes,
    now: clock,
    /** The close gate: gate deals, evaluate one for the card or the CLI, preview the sweep's decisions. */
    gate,
    /** The level-triggered backstop; `dryRun` takes the same decisions and writes none. */
    sweep: async (now: Date = clock(), sweepOptions: { dryRun?: boolean } = {}) => (await sweep())(now, sweepOptions),
    /** The daily renewal scan and contract changes. */
    renewals,
    /** A person's move of a customer status, and the automatic sync. */
    customerStatus,
    /** The deal and company cards, and the card's recheck. */
    cards,
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
