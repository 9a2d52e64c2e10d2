import type { DeliverySection } from '../cards/card-data';
import type { KeyedLock } from '../concurrency/keyed-lock';
import type { PipelineCache } from '../gate/pipeline-cache';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import { passOverSearch, unsetOr } from '../hubspot/search-windows';
import type { AssociationTypeRef } from '../hubspot/types';
import type { Logger } from '../logger';
import { objectByRole, type Model } from '../model';
import { DELIVERY_HEALTH_PROPERTIES as H } from '../model/delivery-properties';
import { GATE_PROPERTIES as G } from '../model/well-known-properties';
import type { HubSpotEvent } from '../webhooks/events';
import type { DeliveryPolicy } from './assessment';
import { buildDeliverySection, COMPANY_CARD_DELIVERY_PROPERTIES, deliveryLabels } from './delivery-card-section';
import { deliveryReadPlan, IN_DELIVERY } from './delivery-read-plan';
import { dealsForEvents } from './deals-for-events';
import { loadDeliveries } from './load-deliveries';
import { reportOffTrackDeals } from './off-track-status';
import { planDelivery, type DeliveryPlan } from './plan-delivery';
import { SourceAvailability } from './source-availability';
import { writeDeliveries, type DeliveryWriteResult } from './write-deliveries';

/** The portal's object types the delivery phase uses (PortalTypes plus the Change Order). */
export type DeliveryObjectTypes = Pick<PortalTypes, 'scope' | 'contract' | 'customerStatus' | 'customerStatusToCompany' | 'commitment'> & {
  changeOrder: string;
  /** Absent when the portal has no task ↔ change order type: the task then links the deal only. */
  taskToChangeOrder?: AssociationTypeRef | undefined;
};

export interface DeliveryServiceDeps {
  gateway: CrmGateway;
  types: DeliveryObjectTypes;
  /** GET /crm/v3/pipelines/tickets, cached (see ticketPipelineCache). */
  ticketPipelines: PipelineCache;
  /** Only when sources.projects is enabled. */
  projectPipelines?: PipelineCache;
  locks: KeyedLock;
  model: Pick<Model, 'deliveryHealth' | 'objects' | 'deals' | 'associations'>;
  /** currency: PORTAL_CURRENCY, for deals and invoices that name none. */
  settings: { defaultOwnerId?: string | undefined; appId?: string | undefined; currency: string };
  logger: Logger;
}

export interface DeliveryRun extends DeliveryWriteResult {
  dealsAssessed: number;
  /** Not found, or not in delivery (gate not passed). */
  skipped: string[];
  plans: DeliveryPlan[];
}

export interface DeliveryRunOptions {
  dryRun?: boolean;
}

/** The daily pass's deals: gate passed or overridden, delivery not closed (a closed one returns through its scope's events). */
const PASS_FILTERS = unsetOr([{ propertyName: G.status, operator: 'IN', values: IN_DELIVERY }], H.health, 'IN', [
  'not_started',
  'on_track',
  'at_risk',
  'off_track',
]);
export const PASS_PAGE_SIZE = 100;

const emptyRun = (): DeliveryRun => ({
  dealsAssessed: 0,
  skipped: [],
  plans: [],
  dealsUpdated: [],
  tasksCreated: 0,
  tasksUpdated: 0,
  tasksCompleted: 0,
  statusChanges: 0,
});

function addRun(total: DeliveryRun, run: DeliveryRun): DeliveryRun {
  return {
    dealsAssessed: total.dealsAssessed + run.dealsAssessed,
    skipped: [...total.skipped, ...run.skipped],
    plans: [...total.plans, ...run.plans],
    dealsUpdated: [...total.dealsUpdated, ...run.dealsUpdated],
    tasksCreated: total.tasksCreated + run.tasksCreated,
    tasksUpdated: total.tasksUpdated + run.tasksUpdated,
    tasksCompleted: total.tasksCompleted + run.tasksCompleted,
    statusChanges: total.statusChanges + run.statusChanges,
  };
}

/**
 * The delivery phase as one use case for webhooks, the daily pass, the CLI and the card: load a
 * batch of deals with their sources (batched), assess each (pure), write only what changed.
 */
export function createDeliveryService(deps: DeliveryServiceDeps) {
  const policy: DeliveryPolicy = { ...deps.model.deliveryHealth, portalCurrency: deps.settings.currency };
  const plan = deliveryReadPlan(policy);
  const labels = deliveryLabels(deps.model);
  const availability = new SourceAvailability(deps.logger);
  const scopeName = objectByRole(deps.model, 'scope').name;
  const approvedScopeLabel = deps.model.associations.find((a) => a.from === 'deals' && a.to === scopeName && /approved/i.test(a.label))?.label;
  const loadDeps = {
    gateway: deps.gateway,
    types: deps.types,
    policy,
    plan,
    availability,
    ticketPipelines: deps.ticketPipelines,
    projectPipelines: deps.projectPipelines,
    approvedScopeLabel,
  };
  const load = (dealIds: string[]) => loadDeliveries(loadDeps, dealIds);

  /** Assesses deals (those not in delivery are skipped) and writes what changed, unless dryRun. */
  async function assessDeals(dealIds: string[], now: Date, options: DeliveryRunOptions = {}): Promise<DeliveryRun> {
    const ids = [...new Set(dealIds)];
    if (!ids.length) return emptyRun();
    return deps.locks.run(
      ids.map((id) => `delivery:${id}`),
      async () => {
        const { loaded, skipped } = await load(ids);
        const plans = loaded.map((item) => planDelivery(item, now, policy, deps.settings.defaultOwnerId));
        const run: DeliveryRun = { ...emptyRun(), dealsAssessed: loaded.length, skipped, plans };
        if (options.dryRun) return run;
        const written = await writeDeliveries(
          plans,
          {
            gateway: deps.gateway,
            types: deps.types,
            onWentOffTrack: (offTrack) =>
              reportOffTrackDeals(offTrack, { gateway: deps.gateway, types: deps.types, appId: deps.settings.appId, locks: deps.locks }, now),
          },
          now,
        );
        for (const p of plans.filter((x) => written.dealsUpdated.includes(x.dealId) && x.previousHealth !== x.assessment.health)) {
          deps.logger.info({ dealId: p.dealId, from: p.previousHealth, to: p.assessment.health }, `Delivery of ${p.dealName} is now ${p.assessment.health}`);
        }
        return { ...run, ...written };
      },
    );
  }

  /**
   * Every deal in delivery, level-triggered: searched by id cursor (never `after`, so past 10,000
   * and unaffected by this pass's own writes), 100 a page, each page read again by id and assessed.
   */
  async function dailyPass(now: Date, options: DeliveryRunOptions & { onProgress?: (run: DeliveryRun) => void } = {}): Promise<DeliveryRun> {
    return passOverSearch(deps.gateway, 'deals', PASS_FILTERS, PASS_PAGE_SIZE, {
      empty: emptyRun(),
      add: addRun,
      run: (ids) => assessDeals(ids, now, options),
      onProgress: options.onProgress,
    });
  }

  /** The deal card's Delivery section; null when the deal is not in delivery. */
  async function cardSection(dealId: string, now: Date): Promise<DeliverySection | null> {
    const [item] = (await load([dealId])).loaded;
    if (!item) return null;
    const assessment = planDelivery(item, now, policy, deps.settings.defaultOwnerId).assessment;
    return buildDeliverySection(item, assessment, now, labels, deps.types.changeOrder);
  }

  return {
    assessDeals,
    dailyPass,
    cardSection,
    dealsForEvents: (events: HubSpotEvent[]) =>
      dealsForEvents(events, { gateway: deps.gateway, types: deps.types, policy, availability, appId: deps.settings.appId }),
    labels,
    /** Deal properties the company card reads for engagementDelivery / accountTotals. */
    companyCardProperties: COMPANY_CARD_DELIVERY_PROPERTIES,
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
