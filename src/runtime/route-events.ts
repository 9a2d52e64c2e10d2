import { gatedStages } from '../gate/stage-rules';
import type { HubSpotEvent } from '../webhooks/events';
import type { WebhookBatchMeta } from '../webhooks/receiver';
import type { Runtime } from './runtime';
import { CONTRACT_TRIGGER_PROPERTIES } from '../project/webhook-subscriptions';
import { createRenewalService } from '../renewals/renewal-service';

export const DEAL_TYPE_ID = '0-3';

/** Deals whose events may need the gate: stage changes into a gated stage, and creations (imports). */
export async function dealsToGate(rt: Runtime, events: HubSpotEvent[]): Promise<string[]> {
  const deals = events.filter((e) => e.objectTypeId === DEAL_TYPE_ID && 'objectId' in e);
  if (!deals.length) return [];
  const gated = new Set(gatedStages(rt.rules, await rt.pipelines.all()).map((s) => s.stageId));
  const ids = deals
    .filter(
      (e) =>
        e.subscriptionType === 'object.creation' ||
        (e.subscriptionType === 'object.propertyChange' && e.propertyName === 'dealstage' && (!e.propertyValue || gated.has(e.propertyValue))),
    )
    .map((e) => String((e as { objectId: number }).objectId));
  return [...new Set(ids)];
}

/** Contracts whose renewal terms or status changed: their reminders are re-planned. */
export async function contractsToReplan(rt: Runtime, events: HubSpotEvent[]): Promise<string[]> {
  const candidates = events.filter((e) => e.subscriptionType === 'object.propertyChange' && e.objectTypeId?.startsWith('2-'));
  if (!candidates.length) return [];
  const types = await rt.portalTypes();
  const ids = candidates
    .filter((e) => e.objectTypeId === types.contract && e.subscriptionType === 'object.propertyChange' && CONTRACT_TRIGGERS.has(e.propertyName))
    .map((e) => String((e as { objectId: number }).objectId));
  return [...new Set(ids)];
}

const CONTRACT_TRIGGERS = new Set<string>(CONTRACT_TRIGGER_PROPERTIES);

/** The webhook batch handler: stage changes go to the gate, contract changes to renewals. */
export function routeWebhookBatch(rt: Runtime) {
  const renewals = createRenewalService(rt);
  return async (events: HubSpotEvent[], meta: WebhookBatchMeta): Promise<void> => {
    const contractIds = await contractsToReplan(rt, events);
    if (contractIds.length) {
      const r = await renewals.contractsChanged(contractIds);
      meta.logger.info({ contracts: contractIds.length, reminders: r.remindersCreated, staleClosed: r.staleClosed }, 'contract changes re-planned');
    }
    const dealIds = await dealsToGate(rt, events);
    if (dealIds.length) {
      const gate = await rt.gate();
      const run = await gate.gateDeals(dealIds, rt.now());
      meta.logger.info(
        { deals: dealIds.length, reverted: run.reverted.length, passed: run.passed.length, tasksCreated: run.tasksCreated, tasksUpdated: run.tasksUpdated },
        'webhook batch gated',
      );
    }
  };
}
