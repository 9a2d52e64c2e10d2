import { fenced, type WriteFence } from '../hubspot/write-fence';
import type { Logger } from '../logger';
import type { JobHandler, ReadyJob } from '../queue/work-queue';
import type { HubSpotEvent } from '../webhooks/events';
import { routeWebhookBatch } from './route-events';
import type { Runtime } from './runtime';

/**
 * Queue mode's worker: a batch holds up to QUEUE_BATCH_SIZE jobs of different objects (deals,
 * contracts), each with every event of its object gathered from however many webhook batches
 * arrived before it started, and goes through the same routing as a batch in the request
 * (routeWebhookBatch): one gate run for all its deals, deciding once on current state.
 *
 * Every HubSpot write of the batch is fenced by all of its leases: once any is lost, no further
 * write is sent (WriteFencedError), the batch fails and each of its jobs is retried. The batch's
 * writes are shared (one deal update call for all its deals), so one lost lease stops them all.
 * A throw fails the attempt of every job: the queue retries each with backoff, then keeps it failed.
 */
export function queuedEventsHandler(rt: Runtime, logger: Logger): JobHandler<HubSpotEvent> {
  const route = routeWebhookBatch(rt);
  return async (jobs) => {
    const attempt = Math.max(...jobs.map((j) => j.context.attempt));
    const log = logger.child({ jobs: jobs.length, ...(jobs.length === 1 ? { job: jobs[0]!.key } : {}), attempt });
    const events = jobs.flatMap((j) => j.events);
    await fenced(leasesOf(jobs), () =>
      route(events, {
        requestId: `jobs:${jobs[0]!.key}+${jobs.length - 1}:${attempt}`,
        receivedAt: Date.now(),
        received: events.length,
        skipped: { ownWrite: 0, unknownType: 0, invalid: 0 },
        ownWrites: [],
        logger: log,
      }),
    );
  };
}

function leasesOf(jobs: ReadyJob<HubSpotEvent>[]): WriteFence {
  const lost = () => jobs.find((j) => !j.context.holds());
  return {
    holds: () => lost() === undefined,
    describe: () => `the lease on ${lost()?.key ?? jobs[0]!.key}`,
  };
}
