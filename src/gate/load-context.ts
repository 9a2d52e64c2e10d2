import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { CrmRecord } from '../hubspot/types';
import type { LinkedRecord } from './types';

export interface GateReadPlan {
  dealProperties: string[];
  dealHistory: string[];
  scopeProperties: string[];
  contractProperties: string[];
}

export interface LoadedDeal {
  deal: CrmRecord;
  scopes: LinkedRecord[];
  contracts: LinkedRecord[];
}

/**
 * Loads everything the gate needs for a whole batch of deals in five batch calls: the deals with
 * stage history, their scope and contract associations (in parallel), then the scopes and
 * contracts (in parallel). Never one call per deal.
 */
export async function loadGateContexts(
  gateway: CrmGateway,
  types: Pick<PortalTypes, 'scope' | 'contract'>,
  dealIds: string[],
  plan: GateReadPlan,
): Promise<Map<string, LoadedDeal>> {
  const deals = await gateway.readMany('deals', dealIds, plan.dealProperties, plan.dealHistory);
  return loadLinkedRecords(gateway, types, [...deals.values()], plan);
}

/** The scopes and contracts of deals already read, in four batch calls (two rounds). */
export async function loadLinkedRecords(
  gateway: CrmGateway,
  types: Pick<PortalTypes, 'scope' | 'contract'>,
  deals: CrmRecord[],
  plan: GateReadPlan,
): Promise<Map<string, LoadedDeal>> {
  const found = deals.map((d) => d.id);
  if (!found.length) return new Map();
  const [scopeLinks, contractLinks] = await Promise.all([
    gateway.associationsOf('deals', types.scope, found),
    gateway.associationsOf('deals', types.contract, found),
  ]);
  const ids = (links: Map<string, Array<{ id: string }>>) => [...new Set([...links.values()].flat().map((l) => l.id))];
  const [scopes, contracts] = await Promise.all([
    ids(scopeLinks).length ? gateway.readMany(types.scope, ids(scopeLinks), plan.scopeProperties) : new Map<string, CrmRecord>(),
    ids(contractLinks).length ? gateway.readMany(types.contract, ids(contractLinks), plan.contractProperties) : new Map<string, CrmRecord>(),
  ]);
  return assembleLoaded(deals, scopeLinks, contractLinks, scopes, contracts);
}

type Links = ReadonlyMap<string, Array<{ id: string }>>;

/** Each deal with the scopes and contracts its links name (records read in batch calls). */
export function assembleLoaded(deals: CrmRecord[], scopeLinks: Links, contractLinks: Links, scopes: ReadonlyMap<string, CrmRecord>, contracts: ReadonlyMap<string, CrmRecord>): Map<string, LoadedDeal> {
  const pick = (links: Array<{ id: string }> | undefined, records: ReadonlyMap<string, CrmRecord>) =>
    (links ?? []).flatMap((l) => {
      const r = records.get(l.id);
      return r ? [{ id: r.id, properties: r.properties }] : [];
    });
  return new Map(deals.map((deal) => [deal.id, { deal, scopes: pick(scopeLinks.get(deal.id), scopes), contracts: pick(contractLinks.get(deal.id), contracts) }]));
}
