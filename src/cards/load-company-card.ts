import { COMPANY_CARD_DELIVERY_PROPERTIES, deliveryLabels } from '../delivery/delivery-card-section';
import type { CrmRecord } from '../hubspot/types';
import { objectByRole } from '../model';
import { CUSTOMER_STATUS_PROPERTIES as S, GATE_PROPERTIES as G, SCOPE_PROPERTIES as SC } from '../model/well-known-properties';
import { RENEWAL_MARKER } from '../renewals/task-content';
import { buildCompanyCard, COMPANY_CARD_CONTRACT_PROPERTIES } from './build-company-card';
import type { CardDeps } from './card-deps';
import type { CompanyCardData } from './card-data';
import { statusLabels } from './card-fields';

const ids = (links: Map<string, Array<{ id: string }>>) => [...new Set([...links.values()].flat().map((l) => l.id))];
const none = new Map<string, CrmRecord>();
const pick = (links: Array<{ id: string }> | undefined, records: Map<string, CrmRecord>) => (links ?? []).flatMap((l) => records.get(l.id) ?? []);

export const TASK_PROPERTIES = ['hs_task_subject', 'hs_task_status', 'hs_timestamp', 'hubspot_owner_id'];
export const DEAL_PROPERTIES = [...new Set(['dealname', 'dealstage', 'pipeline', 'deal_currency_code', G.status, ...COMPANY_CARD_DELIVERY_PROPERTIES])];

/**
 * Loads the company card in three rounds of batch calls, never one call per deal:
 *   1. the company, and its customer status, deals, contracts and tasks associations;
 *   2. the customer status with the history of `status`, the deals, their scope and contract
 *      associations, and the tasks;
 *   3. the scopes and the contracts (the deals' and the company's own).
 * Undefined when HubSpot has no such company.
 */
export async function loadCompanyCard(deps: CardDeps, companyId: string): Promise<CompanyCardData | undefined> {
  const { gateway, types, model, settings } = deps;
  const pipelines = await deps.pipelines.all();
  const one = [companyId];
  const [companies, statusLinks, dealLinks, contractLinks, taskLinks] = await Promise.all([
    gateway.readMany('companies', one, ['name']),
    gateway.associationsOf('companies', types.customerStatus, one),
    gateway.associationsOf('companies', 'deals', one),
    gateway.associationsOf('companies', types.contract, one),
    gateway.associationsOf('companies', 'tasks', one),
  ]);
  const company = companies.get(companyId);
  if (!company) return undefined;

  const statusId = statusLinks.get(companyId)?.[0]?.id;
  const dealIds = ids(dealLinks);
  const taskIds = ids(taskLinks);
  const [statuses, deals, dealScopes, dealContracts, tasks] = await Promise.all([
    statusId ? gateway.readMany(types.customerStatus, [statusId], Object.values(S), [S.status]) : none,
    dealIds.length ? gateway.readMany('deals', dealIds, DEAL_PROPERTIES) : none,
    dealIds.length ? gateway.associationsOf('deals', types.scope, dealIds) : new Map<string, Array<{ id: string }>>(),
    dealIds.length ? gateway.associationsOf('deals', types.contract, dealIds) : new Map<string, Array<{ id: string }>>(),
    taskIds.length ? gateway.readMany('tasks', taskIds, TASK_PROPERTIES) : none,
  ]);

  const scopeDisplay = objectByRole(model, 'scope').primaryDisplayProperty;
  const scopeIds = ids(dealScopes);
  const contractIds = [...new Set([...ids(dealContracts), ...ids(contractLinks)])];
  const [scopes, contracts] = await Promise.all([
    scopeIds.length ? gateway.readMany(types.scope, scopeIds, [...new Set([scopeDisplay, SC.status, SC.approved])]) : none,
    contractIds.length ? gateway.readMany(types.contract, contractIds, COMPANY_CARD_CONTRACT_PROPERTIES) : none,
  ]);

  return buildCompanyCard({
    company,
    customerStatus: statusId ? statuses.get(statusId) : undefined,
    deals: dealIds.flatMap((id) => {
      const deal = deals.get(id);
      return deal ? [{ deal, scopes: pick(dealScopes.get(id), scopes), contracts: pick(dealContracts.get(id), contracts) }] : [];
    }),
    companyContracts: pick(contractLinks.get(companyId), contracts),
    tasks: [...tasks.values()],
    pipelines,
    scopeDisplay,
    labels: statusLabels(model),
    objectTypes: { scope: types.scope, contract: types.contract, customerStatus: types.customerStatus },
    renewalMarker: RENEWAL_MARKER,
    appId: settings.appId,
    timeZone: settings.timeZone,
    currency: settings.currency,
    now: deps.clock(),
    deliveryLabels: deliveryLabels(model),
  });
}
