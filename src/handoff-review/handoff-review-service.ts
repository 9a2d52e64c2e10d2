import type { KeyedLock } from '../concurrency/keyed-lock';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import { passOverSearch, unsetOr } from '../hubspot/search-windows';
import type { CrmRecord } from '../hubspot/types';
import type { Logger } from '../logger';
import type { Model } from '../model';
import { HANDOFF_REVIEW_PROPERTIES as P } from '../model/commitment-properties';
import { GATE_PROPERTIES as G, SCOPE_PROPERTIES as S } from '../model/well-known-properties';
import { planHandoffReview, type HandoffReviewState } from './plan-handoff-review';
import { KICKOFF_PROPERTY, LEAD_PROPERTY, reviewDealProperties, reviewFactsOf, reviewQuestions } from './review-facts';
import { writeReviews, type PlannedReview, type ReviewWriteResult } from './write-reviews';

export interface HandoffReviewServiceDeps {
  gateway: CrmGateway;
  types: Pick<PortalTypes, 'scope'>;
  model: Pick<Model, 'deals' | 'insights'>;
  locks: KeyedLock;
  settings: { timeZone: string; defaultOwnerId?: string | undefined };
  logger: Logger;
}

export interface ReviewRun extends ReviewWriteResult {
  dealsSeen: number;
  byState: Record<HandoffReviewState, number>;
  /** Every deal's review as planned (the dry run lists them). */
  planned: PlannedReview[];
}

/** Won deals (gate passed or overridden) whose review the pass has not recorded as answered. */
const WON = ['passed', 'overridden'];
const PASS_FILTERS = unsetOr([{ propertyName: G.status, operator: 'IN', values: WON }], P.state, 'IN', ['not_yet', 'due', 'overdue']);
export const REVIEW_PAGE_SIZE = 100;

const emptyRun = (): ReviewRun => ({
  dealsSeen: 0,
  byState: { not_yet: 0, due: 0, overdue: 0, answered: 0 },
  planned: [],
  tasksCreated: 0,
  tasksCompleted: 0,
  dealsUpdated: [],
});

function addRun(a: ReviewRun, b: ReviewRun): ReviewRun {
  const byState = { ...a.byState };
  for (const [k, v] of Object.entries(b.byState) as Array<[HandoffReviewState, number]>) byState[k] += v;
  return {
    dealsSeen: a.dealsSeen + b.dealsSeen,
    byState,
    planned: [...a.planned, ...b.planned],
    tasksCreated: a.tasksCreated + b.tasksCreated,
    tasksCompleted: a.tasksCompleted + b.tasksCompleted,
    dealsUpdated: [...a.dealsUpdated, ...b.dealsUpdated],
  };
}

/**
 * The handoff review, N days after kickoff: one task per won deal for its delivery lead, created
 * once, completed once the review is answered; overdue is shown (deal and card), never re-sent.
 */
export function createHandoffReviewService(deps: HandoffReviewServiceDeps) {
  const config = { ...deps.model.insights.handoffReview, timeZone: deps.settings.timeZone };
  const questions = reviewQuestions(deps.model);
  const dealProperties = ['dealname', 'hubspot_owner_id', G.status, ...reviewDealProperties(deps.model)];
  const scopeProperties = [S.approved, KICKOFF_PROPERTY, LEAD_PROPERTY];

  /** Two rounds of batch calls per page: the deals and their scope links together, then the scopes. */
  async function load(ids: string[]): Promise<Array<{ deal: CrmRecord; scopes: CrmRecord[] }>> {
    const [deals, links] = await Promise.all([
      deps.gateway.readMany('deals', ids, dealProperties),
      deps.gateway.associationsOf('deals', deps.types.scope, ids),
    ]);
    const won = ids.flatMap((id) => (WON.includes(deals.get(id)?.properties[G.status] ?? '') ? [deals.get(id)!] : []));
    const scopeIds = [...new Set(won.flatMap((d) => (links.get(d.id) ?? []).map((l) => l.id)))];
    const scopes = scopeIds.length ? await deps.gateway.readMany(deps.types.scope, scopeIds, scopeProperties) : new Map<string, CrmRecord>();
    return won.map((deal) => ({ deal, scopes: (links.get(deal.id) ?? []).flatMap((l) => scopes.get(l.id) ?? []) }));
  }

  /** Plans the reviews of these deals (won ones only) and writes what changed, unless dryRun. */
  async function reviewDeals(dealIds: string[], now: Date, options: { dryRun?: boolean } = {}): Promise<ReviewRun> {
    const ids = [...new Set(dealIds)];
    if (!ids.length) return emptyRun();
    return deps.locks.run(
      ids.map((id) => `handoff-review:${id}`),
      async () => {
        const planned: PlannedReview[] = (await load(ids)).map(({ deal, scopes }) => {
          const facts = reviewFactsOf(deal, scopes);
          return {
            dealId: deal.id,
            dealName: deal.properties.dealname ?? null,
            values: deal.properties,
            kickoffDate: facts.kickoffDate,
            plan: planHandoffReview(facts, now, config),
          };
        });
        const run: ReviewRun = { ...emptyRun(), dealsSeen: planned.length, planned };
        for (const r of planned) run.byState[r.plan.state] += 1;
        if (options.dryRun) return run;
        const written = await writeReviews(planned, {
          gateway: deps.gateway,
          questions: questions.map((q) => q.label),
          timeZone: config.timeZone,
          defaultOwnerId: deps.settings.defaultOwnerId,
        });
        for (const r of planned.filter((x) => x.plan.task?.action === 'create'))
          deps.logger.info({ dealId: r.dealId, state: r.plan.state }, `Handoff review of ${r.dealName ?? r.dealId} is ${r.plan.state}: task made`);
        return { ...run, ...written };
      },
    );
  }

  /** The daily pass: won deals not recorded as answered, by id cursor (past 10,000, unaffected by its own writes). */
  async function dailyPass(now: Date, options: { dryRun?: boolean; onProgress?: (run: ReviewRun) => void } = {}): Promise<ReviewRun> {
    return passOverSearch(deps.gateway, 'deals', PASS_FILTERS, REVIEW_PAGE_SIZE, {
      empty: emptyRun(),
      add: addRun,
      run: (ids) => reviewDeals(ids, now, options),
      onProgress: options.onProgress,
    });
  }

  return { reviewDeals, dailyPass };
}

export type HandoffReviewService = ReturnType<typeof createHandoffReviewService>;
