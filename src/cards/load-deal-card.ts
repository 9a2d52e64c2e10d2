import { todayIn } from '../dates/calendar';
import { loadGateContexts, type GateReadPlan } from '../gate/load-context';
import type { Runtime } from '../runtime/runtime';
import { dealProperties, objectByRole } from '../model';
import { CUSTOMER_STATUS_PROPERTIES as S } from '../model/well-known-properties';
import { addButtonLabel } from '../gate/button-labels';
import { buildDealCard } from './build-deal-card';
import { statusLabels } from './card-fields';
import type { DealCardData } from './card-data';

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/** Loads and builds the deal card: the gate's own batch reads plus the company's status. */
export async function loadDealCard(rt: Runtime, dealId: string): Promise<DealCardData | undefined> {
  const [gate, types] = await Promise.all([rt.gate(), rt.portalTypes()]);
  const handoffGroup = rt.model.deals.groups.find((g) => g.name === 'delivery_handoff') ?? rt.model.deals.groups[0];
  const handoffFields = (handoffGroup?.properties ?? dealProperties(rt.model)).map((p) => ({ name: p.name, label: p.label }));
  const scopeDef = objectByRole(rt.model, 'scope');
  const contractDef = objectByRole(rt.model, 'contract');
  const plan: GateReadPlan = {
    ...gate.readPlan,
    dealProperties: union(gate.readPlan.dealProperties, handoffFields.map((f) => f.name), ['deal_currency_code']),
    scopeProperties: union(gate.readPlan.scopeProperties, scopeDef.properties.map((p) => p.name)),
    contractProperties: union(gate.readPlan.contractProperties, contractDef.properties.map((p) => p.name)),
  };
  const loaded = (await loadGateContexts(rt.gateway, types, [dealId], plan)).get(dealId);
  if (!loaded) return undefined;
  const now = rt.now();
  const evaluation = await gate.decideLoaded(loaded, now);

  const companyId = (await rt.gateway.associationsOf('deals', 'companies', [dealId])).get(dealId)?.[0]?.id;
  const statusId = companyId ? (await rt.gateway.associationsOf('companies', types.customerStatus, [companyId])).get(companyId)?.[0]?.id : undefined;
  const customerStatus = statusId
    ? (await rt.gateway.readMany(types.customerStatus, [statusId], Object.values(S))).get(statusId)
    : undefined;

  const comparisons = (evaluation.rule?.crossChecks ?? [])
    .filter((c) => c.on === 'scope')
    .map((c) => ({ label: c.label, proposal: c.equal[0], delivery: c.equal[1] }));
  return buildDealCard({
    evaluation,
    handoffFields,
    comparisons,
    scopeDisplay: scopeDef.primaryDisplayProperty,
    customerStatus,
    companyId,
    objectTypes: { scope: types.scope, contract: types.contract },
    labels: statusLabels(rt.model),
    today: todayIn(rt.config.PORTAL_TIMEZONE, now),
    timeZone: rt.config.PORTAL_TIMEZONE,
    currency: rt.config.PORTAL_CURRENCY,
    buttons: { addScope: addButtonLabel(scopeDef.labels.singular), addContract: addButtonLabel(contractDef.labels.singular) },
  });
}
