import type { Logger } from '../logger';
import type { JobHandler } from '../queue/work-queue';
import type { HubSpotEvent } from '../webhooks/events';
import { routeWebhookBatch } from './route-events';
import type { Runtime } from './runtime';

/**
 * Queue mode's worker: a job holds every event of one object (a deal, a contract) gathered from
 * however many batches arrived before it started, and goes through the same routing as a batch in
 * the request (routeWebhookBatch), so the gate and renewals decide once on current state. A throw
 * fails the attempt: the queue retries it with backoff, then keeps it in the failed set.
 */
export function queuedEventsHandler(rt: Runtime, logger: Logger): JobHandler<HubSpotEvent> {
  const route = routeWebhookBatch(rt);
  return async (key, events, context) => {
    const log = logger.child({ job: key, attempt: context.attempt });
    await route(events, {
      requestId: `job:${key}:${context.attempt}`,
      receivedAt: Date.now(),
      received: events.length,
      skipped: { ownWrite: 0, unknownType: 0, invalid: 0 },
      ownWrites: [],
      logger: log,
    });
  };
}
