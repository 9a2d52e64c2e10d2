import { gatedStages } from '../gate/stage-rules';
import { isCustomObjectTypeId, OBJECT_TYPE_IDS } from '../hubspot/standard-object-types';
import { CONTRACT_TRIGGER_PROPERTIES } from '../project/webhook-subscriptions';
import { isCreation, isPropertyChange, type CreationEvent, type HubSpotEvent, type PropertyChangeEvent } from '../webhooks/events';
import type { WebhookBatchMeta } from '../webhooks/receiver';
import type { Runtime } from './runtime';

const CONTRACT_TRIGGERS = new Set<string>(CONTRACT_TRIGGER_PROPERTIES);

const isDealStageChange = (e: HubSpotEvent): e is PropertyChangeEvent =>
  isPropertyChange(e) && e.objectTypeId === OBJECT_TYPE_IDS.deals && e.propertyName === 'dealstage';
const isDealCreation = (e: HubSpotEvent): e is CreationEvent => isCreation(e) && e.objectTypeId === OBJECT_TYPE_IDS.deals;
const unique = (ids: number[]) => [...new Set(ids.map(String))];
const DELIVERY_SOURCES: readonly string[] = [OBJECT_TYPE_IDS.tickets, OBJECT_TYPE_IDS.invoices, OBJECT_TYPE_IDS.projects];
const isDeliveryCandidate = (e: HubSpotEvent): e is CreationEvent | PropertyChangeEvent =>
  (isCreation(e) || isPropertyChange(e)) && (DELIVERY_SOURCES.includes(e.objectTypeId ?? '') || isCustomObjectTypeId(e.objectTypeId));

/** Deals whose events may need the gate: stage changes into a gated stage, and creations (imports). */
export async function dealsToGate(rt: Pick<Runtime, 'rules' | 'pipelines'>, events: HubSpotEvent[]): Promise<string[]> {
  const candidates = events.filter((e) => isDealCreation(e) || isDealStageChange(e));
  if (!candidates.length) return [];
  const gated = new Set(gatedStages(rt.rules, await rt.pipelines.all()).map((s) => s.stageId));
  return unique(candidates.flatMap((e) => (isDealCreation(e) || !e.propertyValue || gated.has(e.propertyValue) ? [e.objectId] : [])));
}

/** Contracts whose renewal terms or status changed: their reminders are re-planned. */
export async function contractsToReplan(rt: Pick<Runtime, 'portalTypes'>, events: HubSpotEvent[]): Promise<string[]> {
  const candidates = events.filter(isPropertyChange).filter((e) => isCustomObjectTypeId(e.objectTypeId) && CONTRACT_TRIGGERS.has(e.propertyName));
  if (!candidates.length) return [];
  const { contract } = await rt.portalTypes();
  return unique(candidates.filter((e) => e.objectTypeId === contract).map((e) => e.objectId));
}

/**
 * Events that may concern delivery health: tickets, invoices, projects, the scope and custom objects
 * that are none of the gate's (the change order). The delivery use case keeps the ones it reads.
 */
export async function deliveryEvents(rt: Pick<Runtime, 'portalTypes'>, events: HubSpotEvent[]): Promise<HubSpotEvent[]> {
  const candidates = events.filter(isDeliveryCandidate);
  if (!candidates.some((e) => isCustomObjectTypeId(e.objectTypeId))) return candidates;
  const { scope, roleOf } = await rt.portalTypes();
  return candidates.filter((e) => !isCustomObjectTypeId(e.objectTypeId) || e.objectTypeId === scope || !roleOf[e.objectTypeId]);
}

/** The webhook batch handler: stage changes go to the gate, contract changes to renewals, delivery sources to delivery health. */
export function routeWebhookBatch(rt: Runtime) {
  return async (events: HubSpotEvent[], meta: WebhookBatchMeta): Promise<void> => {
    const contractIds = await contractsToReplan(rt, events);
    if (contractIds.length) {
      const r = await (await rt.renewals()).contractsChanged(contractIds);
      meta.logger.info({ contracts: contractIds.length, reminders: r.remindersCreated, staleClosed: r.staleClosed }, 'contract changes re-planned');
    }
    const dealIds = await dealsToGate(rt, events);
    if (dealIds.length) {
      const run = await (await rt.gate()).gateDeals(dealIds, rt.now());
      meta.logger.info(
        { deals: dealIds.length, reverted: run.reverted.length, passed: run.passed.length, tasksCreated: run.tasksCreated, tasksUpdated: run.tasksUpdated },
        'webhook batch gated',
      );
    }
    const forDelivery = await deliveryEvents(rt, events);
    if (forDelivery.length) {
      const delivery = await rt.delivery();
      const deals = await delivery.dealsForEvents(forDelivery);
      const run = deals.length ? await delivery.assessDeals(deals, rt.now()) : undefined;
      meta.logger.info(
        { events: forDelivery.length, deals: deals.length, updated: run?.dealsUpdated.length ?? 0, tasksCreated: run?.tasksCreated ?? 0 },
        'delivery events assessed',
      );
    }
    await routeToPlaybooks(rt, events, dealIds, meta);
  };
}

/**
 * Deals that entered a playbook stage or whose deliverable changed: units created once, delivered
 * ones ticked. A deliverable change also goes through the gate (once per deal), so an advising
 * rule that names the unit completes its task.
 */
async function routeToPlaybooks(rt: Runtime, events: HubSpotEvent[], gated: string[], meta: WebhookBatchMeta): Promise<void> {
  const presale = await rt.presale();
  const dealIds = await presale.dealsForEvents(events);
  if (!dealIds.length) return;
  const run = await presale.syncDeals(dealIds, rt.now());
  const regate = dealIds.filter((id) => !gated.includes(id));
  const advice = regate.length ? (await (await rt.gate()).gateDeals(regate, rt.now())).advised.length : 0;
  meta.logger.info(
    { deals: dealIds.length, unitsCreated: run.unitsCreated, tasksCompleted: run.tasksCompleted, adviceWritten: advice },
    'webhook batch through the playbooks',
  );
}
