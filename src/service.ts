import { cardsRouter } from './cards/cards-router';
import type { Config } from './config';
import { createApp, type CreateAppOptions } from './http/app';
import { startHttpServer, type StartedServer } from './http/listen';
import type { Logger } from './logger';
import { ModelError } from './model';
import { createMetrics, recordSweep, timedJob, type Metrics } from './metrics';
import { registerEngineGauges } from './metrics/engine-gauges';
import { liveReadiness, readinessCheck } from './readiness/readiness-check';
import { createWebhookVerdictWindow } from './readiness/webhook-verdicts';
import { queuedEventsHandler } from './runtime/queue-workers';
import { routeWebhookBatch } from './runtime/route-events';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime/runtime';
import { startScheduler, type ScheduledJob, type Scheduler } from './scheduler';
import type { OnWebhookBatch } from './webhooks/receiver';

export type ServiceConfig = Config & { HUBSPOT_ACCESS_TOKEN: string; HUBSPOT_CLIENT_SECRET: string };

export interface RunningService {
  url: string;
  port: number;
  runtime: Runtime;
  scheduler: Scheduler | undefined;
  metrics: Metrics;
  /**
   * Stop accepting, finish the requests in flight (and batches still running after a deferred
   * answer), stop the scheduler and wait for a job that is running.
   */
  close(): Promise<void>;
}

export interface ServiceOptions extends RuntimeOptions {
  port?: number;
  host?: string;
  /** Webhook limits (see src/webhooks/receiver.ts); defaults suit HubSpot. */
  webhooks?: CreateAppOptions['webhooks'];
  /** Clock for signature timestamps, epoch ms (default Date.now); tests move it to replay requests later. */
  signatureClock?: () => number;
  /** Queue mode only: receive and enqueue, but run no workers here (tests: a receiver whose workers died). */
  workers?: boolean;
}

/** /readyz: HubSpot reachable with the token (cached 30 s), the circuit closed, the queue not saturated, signatures verifying. */
function readinessOf(rt: Runtime, verdicts: ReturnType<typeof createWebhookVerdictWindow>) {
  const { engine } = rt;
  const deps = {
    circuit: () => engine.breaker.state,
    queue: engine.queue ? { status: () => engine.queue!.status(), maxDepth: rt.config.QUEUE_MAX_DEPTH } : undefined,
    verdicts,
  };
  const check = readinessCheck({
    ...deps,
    probeHubSpot: async () => {
      const types = await rt.portalTypes();
      // A real call every time (the cache decides how often): when the circuit is half open it is the trial.
      await rt.pipelines.refresh();
      return { customObjects: Object.keys(types.roleOf).length };
    },
  });
  return { check, live: () => liveReadiness(deps) };
}

export function scheduledJobs(rt: Runtime, metrics?: Metrics): ScheduledJob[] {
  const renewals = async () => (await rt.renewals()).scan();
  const sweep = () => rt.sweep(rt.now());
  const delivery = async () => (await rt.delivery()).dailyPass(rt.now());
  const reviews = async () => {
    const r = await (await rt.handoffReviews()).dailyPass(rt.now());
    return { deals: r.dealsSeen, byState: r.byState, tasksCreated: r.tasksCreated, tasksCompleted: r.tasksCompleted, dealsUpdated: r.dealsUpdated.length };
  };
  const insights = async () => (await rt.insights()).refresh(rt.now()).then((s) => ({ deals: s.total.deals, groups: s.rows.length }));
  const playbooks = async () => (await rt.presale()).dailyPass(rt.now());
  return [
    { name: 'handoff-reviews', cron: rt.config.HANDOFF_REVIEW_CRON, run: metrics ? timedJob(metrics, 'handoff-reviews', reviews) : reviews },
    { name: 'insights', cron: rt.config.INSIGHTS_CRON, run: metrics ? timedJob(metrics, 'insights', insights) : insights },
    {
      name: 'renewals',
      cron: rt.config.RENEWAL_CRON,
      run: metrics ? timedJob(metrics, 'renewals', renewals, (_r, s) => metrics.renewalScanDuration.observe(s)) : renewals,
    },
    {
      name: 'sweep',
      cron: rt.config.SWEEP_CRON,
      run: metrics
        ? timedJob(metrics, 'sweep', sweep, (r, s) => {
            metrics.sweepDuration.observe(s);
            recordSweep(metrics, r);
          })
        : sweep,
    },
    { name: 'delivery', cron: rt.config.DELIVERY_CRON, run: metrics ? timedJob(metrics, 'delivery', delivery) : delivery },
    { name: 'playbooks', cron: rt.config.PLAYBOOK_CRON, run: metrics ? timedJob(metrics, 'playbooks', playbooks) : playbooks },
  ];
}

/** Batches being processed, including those answered 200 `deferred` that are still running. */
function trackBatches(onBatch: OnWebhookBatch): { onBatch: OnWebhookBatch; settled: () => Promise<void> } {
  const running = new Set<Promise<unknown>>();
  return {
    onBatch: (events, meta) => {
      const run = Promise.resolve(onBatch(events, meta));
      running.add(run);
      const done = () => void running.delete(run);
      run.then(done, done);
      return run;
    },
    settled: async () => {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}

/**
 * Gate rules naming a stage the portal lacks would gate nothing: refuse to start (the ModelError
 * names the file, path and the stages that exist). HubSpot unreachable is not a reason to refuse:
 * the same check runs whenever the pipelines are read.
 */
async function checkGateRules(rt: Runtime, logger: Logger): Promise<void> {
  try {
    await rt.pipelines.all();
  } catch (err) {
    if (err instanceof ModelError) throw err;
    logger.warn({ err }, 'could not read the deal pipelines at start; the gate rules are checked against them on first use');
  }
}

/**
 * SCHEDULER=on may be set on every replica: each contends for the leader lock (in Redis; alone,
 * this process always leads) and only the leader's ticks run. A leader that dies stops renewing
 * and another replica takes over within the lock's time to live.
 */
async function startLedScheduler(rt: Runtime, metrics: Metrics, logger: Logger): Promise<Scheduler> {
  const lock = rt.engine.leaderLock;
  lock.onChange((leader) => logger.info({ leader }, leader ? 'this replica now runs the scheduler' : 'this replica no longer runs the scheduler'));
  await lock.start();
  return startScheduler(scheduledJobs(rt, metrics), { timezone: rt.config.PORTAL_TIMEZONE, logger, leads: () => lock.isLeader() });
}

/** Starts the webhook service, the cards API and (when SCHEDULER=on) the scheduler, in-process. */
export async function startService(config: ServiceConfig, logger: Logger, options: ServiceOptions = {}): Promise<RunningService> {
  const metrics = options.metrics ?? createMetrics();
  const runtime = createRuntime(config, logger, { ...options, metrics });
  await checkGateRules(runtime, logger);
  const { engine } = runtime;
  const queue = engine.queue;
  // Queue mode: the request only enqueues (milliseconds, whatever HubSpot's latency); workers decide.
  const batches = trackBatches(queue ? async (events) => (await queue.enqueue(events), { queued: true as const }) : routeWebhookBatch(runtime));
  if (queue && options.workers !== false) queue.startWorkers(queuedEventsHandler(runtime, logger));
  const verdicts = createWebhookVerdictWindow();
  const readiness = readinessOf(runtime, verdicts);
  registerEngineGauges(metrics, { readiness: readiness.live, queue: queue && (() => queue.status()) });
  const app = createApp({
    clientSecret: config.HUBSPOT_CLIENT_SECRET,
    appId: config.HUBSPOT_APP_ID,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    logger,
    onWebhookBatch: batches.onBatch,
    cardsRouter: cardsRouter(runtime.cards),
    readiness: readiness.check,
    metrics,
    replayGuard: engine.replayGuard,
    onWebhookVerdict: (verdict, at) => verdicts.record(verdict, at),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.signatureClock ? { now: options.signatureClock } : {}),
  });
  const server: StartedServer = await startHttpServer(app, { port: options.port ?? config.PORT, host: options.host, logger });
  const scheduler = config.SCHEDULER === 'on' ? await startLedScheduler(runtime, metrics, logger) : undefined;
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    runtime,
    scheduler,
    metrics,
    close() {
      closing ??= (async () => {
        await Promise.all([server.close(), scheduler?.stop()]);
        await batches.settled();
        // Running jobs finish; waiting ones stay in Redis for the other replicas (or this one's restart).
        await engine.close();
      })();
      return closing;
    },
  };
}
