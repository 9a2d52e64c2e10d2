import { createCardService } from '../cards/card-service';
import type { Config } from '../config';
import { discoverChangeOrderTypes, projectPipelineCache, ticketPipelineCache } from '../delivery/delivery-portal';
import { createDeliveryService } from '../delivery/delivery-service';
import { createGateService } from '../gate/gate-service';
import { createSweep } from '../gate/sweep';
import { createHandoffReviewService } from '../handoff-review/handoff-review-service';
import { createInsightsService, lazyLikeThis } from '../insights/insights-service';
import type { Logger } from '../logger';
import { objectByRole } from '../model';
import { createPresaleService } from '../presale/presale-service';
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
 * A new capability is one more entry below, like `delivery`: `once(async () => createXService({ … }))`.
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

  const changeOrderTypes = once(() => discoverChangeOrderTypes(gateway, objectByRole(model, 'change_order').name));

  const delivery = once(async () => {
    const [types, changeOrder] = await Promise.all([portalTypes(), changeOrderTypes()]);
    const projectPipelines = projectPipelineCache(gateway, model.deliveryHealth);
    return createDeliveryService({
      gateway,
      types: { ...types, ...changeOrder },
      ticketPipelines: ticketPipelineCache(gateway),
      ...(projectPipelines ? { projectPipelines } : {}),
      locks,
      model,
      settings: { defaultOwnerId: config.DEFAULT_OWNER_ID, appId: config.HUBSPOT_APP_ID, currency: config.PORTAL_CURRENCY },
      logger,
    });
  });

  const insights = once(async () => {
    const [types, { changeOrder }] = await Promise.all([portalTypes(), changeOrderTypes()]);
    return createInsightsService({
      gateway,
      types: { scope: types.scope, changeOrder, commitment: types.commitment },
      pipelines,
      owners,
      model,
      settings: { currency: config.PORTAL_CURRENCY },
      logger,
      clock,
    });
  });

  const handoffReviews = once(async () =>
    createHandoffReviewService({ gateway, types: await portalTypes(), model, locks, settings: { timeZone, defaultOwnerId: config.DEFAULT_OWNER_ID }, logger }),
  );

  const presale = once(async () =>
    createPresaleService({
      gateway,
      types: await portalTypes(),
      pipelines,
      locks,
      model,
      settings: { timeZone, defaultOwnerId: config.DEFAULT_OWNER_ID },
      logger,
      owners,
    }),
  );

  const cards = once(async () =>
    createCardService({
      gate: await gate(),
      gateway,
      types: await portalTypes(),
      pipelines,
      model,
      settings: { timeZone, currency: config.PORTAL_CURRENCY, appId: config.HUBSPOT_APP_ID },
      clock,
      delivery,
      likeThis: lazyLikeThis(model, insights, logger),
      presale: await presale(),
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
    /** Delivery health: webhook deals, the daily pass, the card's Delivery section. */
    delivery,
    /** What closed-won deals taught (`npm run insights`), and the card's cached "Deals like this". */
    insights,
    /** The daily handoff-review pass: one task per won deal N days after kickoff. */
    handoffReviews,
    /** Stage playbooks (units once per deal and stage), the feasibility review request, capacity. */
    presale,
  };
}

export type Runtime = ReturnType<typeof createRuntime>;
