import type { GateReadPlan } from '../gate/load-context';
import type { LinkedRecord } from '../gate/types';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { CrmRecord } from '../hubspot/types';
import { readMarkedTasks, type MarkedTask } from '../tasks/find-marked-tasks';

/** The label of the line unit tasks end with (unit-key.ts `unitKeyLine`: `playbook-key:<key>`). */
export const UNIT_KEY_LABEL = 'playbook-key';

/** A deal as the playbooks see it: the deal with its stage history, its scopes and contracts, its unit tasks by key. */
export interface LoadedPresale {
  deal: CrmRecord;
  scopes: LinkedRecord[];
  contracts: LinkedRecord[];
  tasks: Map<string, MarkedTask>;
  companyDeliveryOwnerId: string | null;
  /** Every task linked to the deal when read: what the look-up after creating units compares with. */
  linkedTaskIds?: string[];
  /** Open copies of a unit key beside the one in `tasks` (two processes created it): to complete. */
  secondCopies?: string[];
}

export interface LoadPresaleDeps {
  gateway: CrmGateway;
  types: Pick<PortalTypes, 'scope' | 'contract'>;
  plan: GateReadPlan;
  /** playbooks.json deliveryLead.companyProperty: read from the deal's first company when set. */
  companyProperty: string | null;
  /** Only when a deliverable names contracts (linked_record contract): otherwise two calls saved. */
  withContracts: boolean;
}

/** Deal id → its linked records of one type, in two batch calls (association read, record read). */
async function linkedOf(gateway: CrmGateway, type: string, dealIds: string[], properties: string[]): Promise<Map<string, LinkedRecord[]>> {
  const links = await gateway.associationsOf('deals', type, dealIds);
  const ids = [...new Set([...links.values()].flat().map((l) => l.id))];
  const records = ids.length ? await gateway.readMany(type, ids, properties) : new Map<string, CrmRecord>();
  return new Map(
    dealIds.map((id) => [
      id,
      (links.get(id) ?? []).flatMap((l) => {
        const r = records.get(l.id);
        return r ? [{ id: r.id, properties: r.properties }] : [];
      }),
    ]),
  );
}

async function companyOwners(gateway: CrmGateway, dealIds: string[], property: string | null): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!property || !dealIds.length) return out;
  const links = await gateway.associationsOf('deals', 'companies', dealIds);
  const ids = [...new Set([...links.values()].flatMap((ls) => (ls[0] ? [ls[0].id] : [])))];
  const companies = ids.length ? await gateway.readMany('companies', ids, [property]) : new Map<string, CrmRecord>();
  for (const [dealId, ls] of links) {
    const owner = ls[0] ? companies.get(ls[0].id)?.properties[property]?.trim() : undefined;
    if (owner) out.set(dealId, owner);
  }
  return out;
}

/**
 * A batch of deals with everything a playbook decides on, in three rounds of batch calls: the
 * deals; then, together, their scope and task associations (contracts and companies only when
 * the playbooks need them); then those records. Never one call per deal.
 */
export async function loadPresale(deps: LoadPresaleDeps, dealIds: string[]): Promise<LoadedPresale[]> {
  const { gateway } = deps;
  const deals = await gateway.readMany('deals', dealIds, deps.plan.dealProperties, deps.plan.dealHistory);
  const found = [...deals.values()];
  if (!found.length) return [];
  const ids = found.map((d) => d.id);
  const [scopes, contracts, tasks, owners] = await Promise.all([
    linkedOf(gateway, deps.types.scope, ids, deps.plan.scopeProperties),
    deps.withContracts ? linkedOf(gateway, deps.types.contract, ids, deps.plan.contractProperties) : new Map<string, LinkedRecord[]>(),
    readMarkedTasks(gateway, 'deals', ids, UNIT_KEY_LABEL),
    companyOwners(gateway, ids, deps.companyProperty),
  ]);
  return found.map((deal) => ({
    deal,
    scopes: scopes.get(deal.id) ?? [],
    contracts: contracts.get(deal.id) ?? [],
    tasks: tasks.byRecord.get(deal.id) ?? new Map(),
    companyDeliveryOwnerId: owners.get(deal.id) ?? null,
    linkedTaskIds: tasks.linked.get(deal.id) ?? [],
    secondCopies: tasks.secondCopies.get(deal.id) ?? [],
  }));
}
