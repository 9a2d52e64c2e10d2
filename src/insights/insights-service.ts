import type { LikeThisSource } from '../cards/like-this-source';
import type { PipelineCache } from '../gate/pipeline-cache';
import { reviewDealProperties } from '../handoff-review/review-facts';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { CrmRecord, Owner } from '../hubspot/types';
import type { Logger } from '../logger';
import type { Model } from '../model';
import { COMMITMENT_PROPERTIES } from '../model/commitment-properties';
import { dealsLikeThis } from './deals-like-this';
import { parseGroupBy, type OutcomeGroupBy } from './group-by';
import { groupLabels } from './group-labels';
import { loadOutcomeDeals } from './load-outcome-deals';
import type { OutcomeSummary } from './outcome-row';
import { outcomeWords } from './outcome-words';
import { summariseDeliveryOutcomes } from './summarise-delivery-outcomes';
import { OUTCOME_DEAL_PROPERTIES } from './to-outcome-deal';

export interface InsightsServiceDeps {
  gateway: CrmGateway;
  types: { scope: string; changeOrder: string; commitment?: string | undefined };
  pipelines: PipelineCache;
  /** The portal's owners (cached by the caller); read only to label `--by owner`. */
  owners: () => Promise<Owner[]>;
  model: Model;
  settings: {
    /** PORTAL_CURRENCY: deals without deal_currency_code are in it; the summary counts amounts in it. */
    currency: string;
    /** How long a card waits for a summary being computed for the first time (default 3 s). */
    firstUseWaitMs?: number;
  };
  logger: Logger;
  clock: () => Date;
}

export interface SummariseOptions {
  by?: OutcomeGroupBy;
  since?: Date;
  onProgress?: (dealsRead: number) => void;
}

const DAY_MS = 86_400_000;

/**
 * What past closed-won deals taught: the `npm run insights` table, and "Deals like this" for an
 * open deal's card, from a summary cached in the process, refreshed daily by the scheduler (and
 * on first use). The card never waits for a long computation: past `firstUseWaitMs` it leaves the
 * section out until the summary is ready.
 */
export function createInsightsService(deps: InsightsServiceDeps) {
  const { outcomes, handoffReview } = deps.model.insights;
  const words = outcomeWords(deps.model);
  const cardGrouping = parseGroupBy(outcomes.groupBy);
  const groupProperty = (by: OutcomeGroupBy) => (typeof by === 'object' ? [by.property] : []);

  async function summarise(now: Date, options: SummariseOptions = {}): Promise<OutcomeSummary> {
    const by = options.by ?? cardGrouping;
    const deals = await loadOutcomeDeals(
      {
        gateway: deps.gateway,
        types: deps.types,
        pipelines: deps.pipelines,
        commitmentProperties: Object.values(COMMITMENT_PROPERTIES),
        portalCurrency: deps.settings.currency,
        requiredAnswers: handoffReview.requiredAnswers,
      },
      {
        dealProperties: [...new Set([...OUTCOME_DEAL_PROPERTIES, ...reviewDealProperties(deps.model), ...groupProperty(by)])],
        since: options.since,
        onProgress: options.onProgress,
      },
    );
    const labels = groupLabels(by, deps.model, await deps.pipelines.all(), by === 'owner' ? await deps.owners() : []);
    return summariseDeliveryOutcomes(deals, now, {
      ...outcomes,
      by,
      currency: deps.settings.currency,
      labels,
      ...(options.since ? { since: options.since } : {}),
    });
  }

  let cached: { summary: OutcomeSummary; at: number } | undefined;
  let refreshing: Promise<OutcomeSummary> | undefined;

  /** Recomputes the card's summary (the scheduler's daily job); one computation at a time. */
  function refresh(now: Date = deps.clock()): Promise<OutcomeSummary> {
    refreshing ??= summarise(now)
      .then((summary) => {
        cached = { summary, at: deps.clock().getTime() };
        deps.logger.info({ deals: summary.total.deals, groups: summary.rows.length }, 'deals-like-this summary refreshed');
        return summary;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  }

  async function cachedSummary(): Promise<OutcomeSummary | undefined> {
    const stale = !cached || deps.clock().getTime() - cached.at > DAY_MS + DAY_MS / 24;
    if (stale) {
      const run = refresh().catch((err: unknown) => {
        deps.logger.warn({ err }, 'could not compute the deals-like-this summary; the card leaves it out until the next try');
        return undefined;
      });
      if (cached) return cached.summary;
      const wait = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), deps.settings.firstUseWaitMs ?? 3000).unref());
      return Promise.race([run, wait]);
    }
    return cached!.summary;
  }

  const likeThis: LikeThisSource = {
    properties: likeThisProperties(deps.model),
    async likeThis(deal: CrmRecord) {
      const summary = await cachedSummary();
      if (!summary) return null;
      const p = deal.properties;
      return dealsLikeThis({ dealType: p.dealtype ?? null, pipeline: p.pipeline ?? null, ownerId: p.hubspot_owner_id ?? null, properties: p }, summary, words);
    },
  };

  return { summarise, refresh, likeThis, words };
}

export type InsightsService = ReturnType<typeof createInsightsService>;

/** The deal properties "Deals like this" matches on, known before the service is built. */
export function likeThisProperties(model: Pick<Model, 'insights'>): string[] {
  const by = parseGroupBy(model.insights.outcomes.groupBy);
  return ['dealtype', 'pipeline', 'hubspot_owner_id', ...(typeof by === 'object' ? [by.property] : [])];
}

/**
 * "Deals like this" for the card, building the insights on first use: a portal where that fails
 * (e.g. no Change Order object yet) still gets its card, without the section, and a warning.
 */
export function lazyLikeThis(model: Pick<Model, 'insights'>, service: () => Promise<InsightsService>, logger: Logger): LikeThisSource {
  return {
    properties: likeThisProperties(model),
    async likeThis(deal) {
      try {
        return await (await service()).likeThis.likeThis(deal);
      } catch (err) {
        logger.warn({ err }, 'deals like this: the insights could not be built; the card leaves the section out');
        return null;
      }
    },
  };
}
