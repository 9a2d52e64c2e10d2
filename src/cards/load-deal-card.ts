import { todayIn } from '../dates/calendar';
import { IN_DELIVERY } from '../delivery/delivery-read-plan';
import { addButtonLabel } from '../gate/button-labels';
import { dealProperties, objectByRole } from '../model';
import { CUSTOMER_STATUS_PROPERTIES as S, GATE_PROPERTIES as G } from '../model/well-known-properties';
import { buildDealCard } from './build-deal-card';
import type { CardDeps } from './card-deps';
import { statusLabels } from './card-fields';
import { loadPromiseSections, promiseReadProperties } from './load-promise-sections';
import type { DealCardData } from './card-data';

async function companyAndStatus({ gateway, types }: CardDeps, dealId: string) {
  const companyId = (await gateway.associationsOf('deals', 'companies', [dealId])).get(dealId)?.[0]?.id;
  const statusId = companyId ? (await gateway.associationsOf('companies', types.customerStatus, [companyId])).get(companyId)?.[0]?.id : undefined;
  const customerStatus = statusId ? (await gateway.readMany(types.customerStatus, [statusId], Object.values(S))).get(statusId) : undefined;
  return { companyId, customerStatus };
}

export async function loadDealCard(deps: CardDeps, dealId: string): Promise<DealCardData | undefined> {
  const { types, model, settings } = deps;
  const handoffGroup = model.deals.groups.find((g) => g.name === 'delivery_handoff') ?? model.deals.groups[0];
  const handoffFields = (handoffGroup?.properties ?? dealProperties(model)).map((p) => ({ name: p.name, label: p.label }));
  const scopeDef = objectByRole(model, 'scope');
  const contractDef = objectByRole(model, 'contract');
  const now = deps.clock();
  const promises = promiseReadProperties(deps);
  const evaluation = await deps.gate.evaluateDeal(dealId, now, {
    deal: [...handoffFields.map((f) => f.name), 'deal_currency_code', ...(promises.deal ?? []), ...(deps.presale?.dealProperties ?? [])],
    scope: [...scopeDef.properties.map((p) => p.name), ...(promises.scope ?? [])],
    contract: contractDef.properties.map((p) => p.name),
    ...(promises.commitment ? { commitment: promises.commitment } : {}),
  });
  if (!evaluation) return undefined;

  // Once the deal passed the gate, its Delivery section is read beside the company's status.
  const inDelivery = IN_DELIVERY.includes(evaluation.loaded.deal.properties[G.status] ?? '');
  const [deliverySection, presaleSection, promiseSections, { companyId, customerStatus }] = await Promise.all([
    inDelivery && deps.delivery ? deps.delivery().then((d) => d.cardSection(dealId, now)) : null,
    deps.presale ? deps.presale.cardSection(evaluation, now) : null,
    loadPromiseSections(deps, evaluation, now),
    companyAndStatus(deps, dealId),
  ]);

  const comparisons = (evaluation.rule?.crossChecks ?? [])
    .filter((c) => c.on === 'scope')
    .map((c) => ({ label: c.label, proposal: c.equal[0], delivery: c.equal[1] }));
  const card = buildDealCard({
    evaluation,
    handoffFields,
    comparisons,
    scopeDisplay: scopeDef.primaryDisplayProperty,
    customerStatus,
    companyId,
    objectTypes: { scope: types.scope, contract: types.contract },
    labels: statusLabels(model),
    today: todayIn(settings.timeZone, now),
    timeZone: settings.timeZone,
    currency: settings.currency,
    buttons: { addScope: addButtonLabel(scopeDef.labels.singular), addContract: addButtonLabel(contractDef.labels.singular) },
    delivery: deliverySection,
  });
  return { ...card, ...promiseSections, ...(presaleSection ? { presale: presaleSection } : {}) };
}
