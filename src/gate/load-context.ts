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

/** The deals' scope, contract and promise links (deal id → linked ids). */
export interface GateLinks {
  scope: Map<string, AssociatedId[]>;
  contract: Map<string, AssociatedId[]>;
  commitment: Map<string, AssociatedId[]>;
}

/** The records those links name, by id. */
export interface GateRecords {
  scopes: Map<string, CrmRecord>;
  contracts: Map<string, CrmRecord>;
  commitments: Map<string, CrmRecord>;
}

const idsOf = (links: ReadonlyMap<string, Array<{ id: string }>>) => [...new Set([...links.values()].flat().map((l) => l.id))];

/** One round: the deals' scope, contract and (when the plan reads promises) promise links, together. */
export async function readGateLinks(gateway: CrmGateway, types: LinkedTypes, dealIds: string[], plan: GateReadPlan): Promise<GateLinks> {
  if (!dealIds.length) return { scope: NO_LINKS, contract: NO_LINKS, commitment: NO_LINKS };
  const commitmentType = plan.commitmentProperties.length ? types.commitment : undefined;
  const [scope, contract, commitment] = await Promise.all([
    gateway.associationsOf('deals', types.scope, dealIds),
    gateway.associationsOf('deals', types.contract, dealIds),
    commitmentType ? gateway.associationsOf('deals', commitmentType, dealIds) : NO_LINKS,
  ]);
  return { scope, contract, commitment };
}

/** The next round: the scopes, contracts and promises those links name, together. */
export async function readGateRecords(gateway: CrmGateway, types: LinkedTypes, links: GateLinks, plan: GateReadPlan): Promise<GateRecords> {
  const commitmentType = plan.commitmentProperties.length ? types.commitment : undefined;
  const read = (type: string | undefined, byDeal: Map<string, AssociatedId[]>, properties: string[]) =>
    type && idsOf(byDeal).length ? gateway.readMany(type, idsOf(byDeal), properties) : Promise.resolve(NO_RECORDS);
  const [scopes, contracts, commitments] = await Promise.all([
    read(types.scope, links.scope, plan.scopeProperties),
    read(types.contract, links.contract, plan.contractProperties),
    read(commitmentType, links.commitment, plan.commitmentProperties),
  ]);
  return { scopes, contracts, commitments };
}

/** The scopes, contracts and promises of deals already read: two rounds of batch calls. */
export async function loadLinkedRecords(gateway: CrmGateway, types: LinkedTypes, deals: CrmRecord[], plan: GateReadPlan): Promise<Map<string, LoadedDeal>> {
  if (!deals.length) return new Map();
  const links = await readGateLinks(
    gateway,
    types,
    deals.map((d) => d.id),
    plan,
  );
  return assembleLoaded(deals, links, await readGateRecords(gateway, types, links, plan));
}

/** Each deal with the scopes, contracts and promises its links name. */
export function assembleLoaded(deals: CrmRecord[], links: GateLinks, records: GateRecords): Map<string, LoadedDeal> {
  const pick = (byDeal: Map<string, AssociatedId[]>, dealId: string, found: ReadonlyMap<string, CrmRecord>) =>
    (byDeal.get(dealId) ?? []).flatMap((l) => {
      const r = found.get(l.id);
      return r ? [{ id: r.id, properties: r.properties }] : [];
    });
  return new Map(
    deals.map((deal) => [
      deal.id,
      {
        deal,
        scopes: pick(links.scope, deal.id, records.scopes),
        contracts: pick(links.contract, deal.id, records.contracts),
        commitments: pick(links.commitment, deal.id, records.commitments),
      },
    ]),
  );
}
