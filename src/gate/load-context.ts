import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { AssociatedId, CrmRecord } from '../hubspot/types';
import type { LinkedRecord } from './types';

export interface GateReadPlan {
  dealProperties: string[];
  dealHistory: string[];
  scopeProperties: string[];
  contractProperties: string[];
  /** Empty when no rule (and no caller) reads the deal's promises: they are then not read at all. */
  commitmentProperties: string[];
}

export interface LoadedDeal {
  deal: CrmRecord;
  scopes: LinkedRecord[];
  contracts: LinkedRecord[];
  /** The deal's promises (Commitments); empty when the plan reads none. */
  commitments?: LinkedRecord[];
}

type LinkedTypes = Pick<PortalTypes, 'scope' | 'contract' | 'commitment'>;

/**
 * Loads everything the gate needs for a whole batch of deals in batch calls: the deals with
 * stage history, their scope, contract and promise associations (in parallel), then the scopes,
 * contracts and promises (in parallel). Never one call per deal.
 */
export async function loadGateContexts(gateway: CrmGateway, types: LinkedTypes, dealIds: string[], plan: GateReadPlan): Promise<Map<string, LoadedDeal>> {
  const deals = await gateway.readMany('deals', dealIds, plan.dealProperties, plan.dealHistory);
  return loadLinkedRecords(gateway, types, [...deals.values()], plan);
}

const NO_LINKS = new Map<string, AssociatedId[]>();
const NO_RECORDS = new Map<string, CrmRecord>();

/** The scopes, contracts and promises of deals already read: two rounds of batch calls. */
export async function loadLinkedRecords(gateway: CrmGateway, types: LinkedTypes, deals: CrmRecord[], plan: GateReadPlan): Promise<Map<string, LoadedDeal>> {
  const found = deals.map((d) => d.id);
  if (!found.length) return new Map();
  const commitmentType = plan.commitmentProperties.length ? types.commitment : undefined;
  const [scopeLinks, contractLinks, commitmentLinks] = await Promise.all([
    gateway.associationsOf('deals', types.scope, found),
    gateway.associationsOf('deals', types.contract, found),
    commitmentType ? gateway.associationsOf('deals', commitmentType, found) : NO_LINKS,
  ]);
  const ids = (links: Map<string, Array<{ id: string }>>) => [...new Set([...links.values()].flat().map((l) => l.id))];
  const read = (type: string | undefined, links: Map<string, AssociatedId[]>, properties: string[]) =>
    type && ids(links).length ? gateway.readMany(type, ids(links), properties) : Promise.resolve(NO_RECORDS);
  const [scopes, contracts, commitments] = await Promise.all([
    read(types.scope, scopeLinks, plan.scopeProperties),
    read(types.contract, contractLinks, plan.contractProperties),
    read(commitmentType, commitmentLinks, plan.commitmentProperties),
  ]);
  const pick = (links: Array<{ id: string }> | undefined, records: Map<string, CrmRecord>) =>
    (links ?? []).flatMap((l) => {
      const r = records.get(l.id);
      return r ? [{ id: r.id, properties: r.properties }] : [];
    });
  return new Map(
    deals.map((deal) => [
      deal.id,
      { deal, scopes: pick(scopeLinks.get(deal.id), scopes), contracts: pick(contractLinks.get(deal.id), contracts), commitments: pick(commitmentLinks.get(deal.id), commitments) },
    ]),
  );
}
