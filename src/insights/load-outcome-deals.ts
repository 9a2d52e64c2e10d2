import type { PipelineCache } from '../gate/pipeline-cache';
import { isClosedWon } from '../gate/stage-rules';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { searchAll } from '../hubspot/search-windows';
import type { AssociatedId, CrmRecord, SearchFilter } from '../hubspot/types';
import { CHANGE_ORDER_PROPERTIES as CO } from '../model/delivery-properties';
import type { OutcomeDeal } from './outcome-deal';
import { OUTCOME_SCOPE_PROPERTIES, toOutcomeDeal } from './to-outcome-deal';

export interface OutcomeLoadDeps {
  gateway: CrmGateway;
  types: { scope: string; changeOrder: string; commitment?: string | undefined };
  pipelines: PipelineCache;
  /** Commitment properties to read (readCommitment's). */
  commitmentProperties: string[];
  portalCurrency: string;
  requiredAnswers: readonly string[];
}

export interface OutcomeLoadOptions {
  /** Every deal property to read: the outcome's own, the review group, a grouping property. */
  dealProperties: string[];
  /** Only deals closed on or after this instant. */
  since?: Date | undefined;
  /** After each page: closed-won deals read so far. */
  onProgress?: (dealsRead: number) => void;
}

/** Search pages of 200 (HubSpot's most); each page's linked records are read in two rounds of batch calls. */
export const OUTCOME_PAGE_SIZE = 200;

const NO_LINKS = new Map<string, AssociatedId[]>();
const NO_RECORDS = new Map<string, CrmRecord>();

/**
 * Every closed-won deal (any pipeline's won stage, from pipeline metadata) with its scopes, change
 * orders and promises, by id cursor (past 10,000). The deals' properties come from the search
 * page itself: this is a report that decides and writes nothing, and a value seconds old (search
 * lags writes) does not change a figure over many deals; re-reading each page by id would cost
 * one more call per 100 deals for nothing. Per page: one search, three association reads, then
 * the scopes, change orders and promises — each round's calls run together.
 */
export async function loadOutcomeDeals(deps: OutcomeLoadDeps, options: OutcomeLoadOptions): Promise<OutcomeDeal[]> {
  const { gateway, types } = deps;
  const won = (await deps.pipelines.all()).flatMap((p) => p.stages.filter(isClosedWon).map((s) => s.id));
  if (!won.length) return [];
  const filters: SearchFilter[] = [{ propertyName: 'dealstage', operator: 'IN', values: [...new Set(won)] }];
  if (options.since) filters.push({ propertyName: 'closedate', operator: 'GTE', value: String(options.since.getTime()) });
  const out: OutcomeDeal[] = [];
  await searchAll(
    gateway,
    'deals',
    [{ filters }],
    options.dealProperties,
    async (page) => {
      const ids = page.map((d) => d.id);
      const [scopeLinks, coLinks, commitmentLinks] = await Promise.all([
        gateway.associationsOf('deals', types.scope, ids),
        gateway.associationsOf('deals', types.changeOrder, ids),
        types.commitment ? gateway.associationsOf('deals', types.commitment, ids) : NO_LINKS,
      ]);
      const read = (type: string | undefined, links: Map<string, AssociatedId[]>, properties: string[]) => {
        const linked = [...new Set([...links.values()].flat().map((l) => l.id))];
        return type && linked.length ? gateway.readMany(type, linked, properties) : Promise.resolve(NO_RECORDS);
      };
      const [scopes, changeOrders, commitments] = await Promise.all([
        read(types.scope, scopeLinks, OUTCOME_SCOPE_PROPERTIES),
        read(types.changeOrder, coLinks, [...Object.values(CO), 'hs_createdate']),
        read(types.commitment, commitmentLinks, deps.commitmentProperties),
      ]);
      const of = (links: Map<string, AssociatedId[]>, records: Map<string, CrmRecord>, id: string) =>
        (links.get(id) ?? []).flatMap((l) => records.get(l.id) ?? []);
      for (const deal of page) {
        const records = {
          deal,
          scopes: of(scopeLinks, scopes, deal.id),
          changeOrders: of(coLinks, changeOrders, deal.id),
          commitments: of(commitmentLinks, commitments, deal.id),
        };
        out.push(toOutcomeDeal(records, deps.portalCurrency, deps.requiredAnswers));
      }
      options.onProgress?.(out.length);
    },
    OUTCOME_PAGE_SIZE,
  );
  return out;
}
