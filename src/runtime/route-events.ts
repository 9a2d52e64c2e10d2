import { gatedStages } from '../gate/stage-rules';
import type { HubSpotEvent } from '../webhooks/events';
import type { WebhookBatchMeta } from '../webhooks/receiver';
import type { Runtime } from './runtime';

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

/** The webhook batch handler: route events to the gate (and, later, renewals and status). */
export function routeWebhookBatch(rt: Runtime) {
  return async (events: HubSpotEvent[], meta: WebhookBatchMeta): Promise<void> => {
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
