import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import type { Sandbox } from '@throughline/sandbox';
import { namesOf, seedOwners, type Names } from '../lib/seed';
import { startBenchRedis } from './redis-server';
import { queueBacklog, readOutcome, seedDueRenewals, type Outcome } from './replica-outcome';
import { runReplicaWorkload, type WorkloadResult } from './replica-workload';
import { compile, startServiceProcess, type ServiceProcess } from './service-process';
import { provisionPortal, startBenchSandbox } from './stack';
import { maxInWindow, round, summarize, type Summary } from './stats';

/**
 * Two replicas on loopback (issue 15): Redis, two service processes (src/server.ts compiled, as
 * `npm start` runs it) with REDIS_URL and SCHEDULER=on, and the stand-in at HubSpot's worst: 190
 * calls / 10 s enforced, 300 ms per call, 10 % 429s, 2 % of creates applied with the answer lost.
 * Halfway through, the first replica (the scheduler's leader: it started first) is killed with
 * SIGKILL; the other takes every batch from then on and runs what the dead one held once its job
 * locks lapse. The same workload runs first on one process without Redis, for comparison.
 */
export interface ReplicaOptions {
  deals: number;
  seconds: number;
  latencyMs: number;
  runtime: 'compiled' | 'tsx';
  progress: (line: string) => void;
}

export interface ModeResult {
  processes: number;
  answers: Summary & { deliveries: number; doubled: number; non200: Record<string, number>; networkErrors: number; redelivered: number; undelivered: number };
  hubspot: { calls: number; maxPer10s: number; maxAnsweredPer10s: number; rollingLimit429: number; injected429: number; answersLost: number };
  decisions: Omit<Outcome, 'wrong'> & { deals: number; blocked: number; passed: number; examples: string[] };
  /** From the last webhook answer until every deal was decided and the queue was empty. */
  catchUpMs: number | null;
  killedAtS?: number;
  /** Jobs waiting, delayed or running (on either replica) just before the kill. */
  backlogAtKill?: number;
  failedJobs?: number;
  serviceProblems: string[];
}

export type ReplicaResult =
  { skipped: string } | { deals: number; seconds: number; latencyMs: number; faults: string; single: ModeResult; replicas: ModeResult };

const RENEWALS = 20;
const CATCH_UP_LIMIT_MS = 600_000;
const FAULTS = { rollingLimit: { max: 190, intervalMs: 10_000 }, rateLimit429: 0.1, appliedCreateFails: 0.02, appliedCreateFailure: 'drop' as const };

async function catchUp(
  sandbox: Sandbox,
  names: Names,
  w: WorkloadResult,
  queueOf: ServiceProcess | undefined,
): Promise<{ ms: number | null; failed?: number }> {
  const from = performance.now();
  for (;;) {
    const out = readOutcome(sandbox, names, w.batch);
    const backlog = queueOf ? await queueBacklog(queueOf.url) : { pending: 0, failed: 0 };
    if (out.wrong.length === 0 && backlog?.pending === 0) return { ms: performance.now() - from, ...(queueOf ? { failed: backlog.failed } : {}) };
    if (performance.now() - from > CATCH_UP_LIMIT_MS) return { ms: null, ...(backlog && queueOf ? { failed: backlog.failed } : {}) };
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function runMode(o: ReplicaOptions, buildDir: string | undefined, redisUrl: string | undefined): Promise<ModeResult> {
  const mode = redisUrl ? 'replicas' : 'single';
  const { sandbox, model } = await startBenchSandbox();
  const names = namesOf(model);
  await provisionPortal(sandbox, model);
  seedOwners(sandbox);
  seedDueRenewals(sandbox, names, RENEWALS);
  sandbox.setFaults({ latencyMs: o.latencyMs, ...FAULTS });
  const env = {
    HUBSPOT_ACCESS_TOKEN: sandbox.accessToken,
    HUBSPOT_CLIENT_SECRET: sandbox.clientSecret,
    HUBSPOT_APP_ID: sandbox.appId,
    HUBSPOT_API_BASE_URL: sandbox.url,
    LOG_LEVEL: 'warn',
    PORTAL_TIMEZONE: 'UTC',
    SCHEDULER: 'on',
    // The leader scans renewals every 15 s, so the kill lands between scans of the same reminders.
    RENEWAL_CRON: '*/15 * * * * *',
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  const start = () => startServiceProcess(env, { runtime: buildDir ? 'compiled' : 'tsx', progress: o.progress, ...(buildDir ? { buildDir } : {}) });
  const services: ServiceProcess[] = [await start()];
  if (redisUrl) {
    await new Promise((r) => setTimeout(r, 1500)); // the first one takes the scheduler's lead
    services.push(await start());
  }
  o.progress(`replicas (${mode}): ${services.map((s) => `pid ${s.pid} at ${s.url}`).join(', ')}`);
  const alive = new Set(services);
  let backlogAtKill: number | undefined;
  sandbox.resetCounters();
  const w = await runReplicaWorkload({
    sandbox,
    names,
    secret: sandbox.clientSecret,
    targets: () => [...alive].map((s) => `${s.url}/webhooks/hubspot`),
    deals: o.deals,
    seconds: o.seconds,
    progress: o.progress,
    ...(redisUrl
      ? {
          killAtBatch: Math.floor(o.seconds / 2),
          kill: async () => {
            const victim = services[0]!;
            backlogAtKill = (await queueBacklog(victim.url))?.pending;
            alive.delete(victim);
            const exited = new Promise((r) => victim.child.once('exit', r));
            victim.child.kill('SIGKILL');
            await exited;
            o.progress(`replicas: kill -9 ${victim.pid} (${victim.child.signalCode})`);
          },
        }
      : {}),
  });
  o.progress(`replicas (${mode}): all ${w.batches} batches answered at ${round(w.doneAtMs / 1000, 1)} s; catching up`);
  const caught = await catchUp(sandbox, names, w, redisUrl ? services[1] : undefined);
  const timeline = sandbox.callTimeline();
  const counts = sandbox.calls();
  const outcome = readOutcome(sandbox, names, w.batch);
  const serviceProblems = services.flatMap((s) => s.firstProblems.map((p) => `pid ${s.pid} ${p}`)).slice(0, 6);
  for (const s of services) await s.stop();
  await sandbox.stop();

  const { wrong, ...rest } = outcome;
  return {
    processes: services.length,
    answers: {
      ...summarize(w.answersMs),
      deliveries: w.deliveries,
      doubled: w.doubled,
      non200: w.non200,
      networkErrors: w.networkErrors,
      redelivered: w.redelivered,
      undelivered: w.undelivered,
    },
    hubspot: {
      calls: timeline.length,
      maxPer10s: maxInWindow(
        timeline.map((c) => c.at),
        10_000,
      ),
      maxAnsweredPer10s: maxInWindow(
        timeline.filter((c) => c.status !== 429).map((c) => c.at),
        10_000,
      ),
      rollingLimit429: counts.rollingLimit429,
      injected429: counts.injected429,
      answersLost: counts.appliedCreateFailed,
    },
    decisions: {
      ...rest,
      deals: w.batch.blocked.length + w.batch.passing.length,
      blocked: w.batch.blocked.length,
      passed: w.batch.passing.length,
      examples: wrong.slice(0, 3),
    },
    catchUpMs: caught.ms,
    ...(w.killedAtMs !== undefined ? { killedAtS: round(w.killedAtMs / 1000, 1) } : {}),
    ...(backlogAtKill !== undefined ? { backlogAtKill } : {}),
    ...(caught.failed !== undefined ? { failedJobs: caught.failed } : {}),
    serviceProblems,
  };
}

export async function runReplicaBench(o: ReplicaOptions): Promise<ReplicaResult> {
  const redis = await startBenchRedis();
  if (!redis) return { skipped: 'redis-server is not installed (apt-get install redis-server): the two-replica part needs it' };
  let buildDir: string | undefined;
  try {
    if (o.runtime === 'compiled') {
      buildDir = await compile(process.cwd()).catch((err: unknown) => {
        o.progress(`replicas: could not compile src/ (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); running it with tsx`);
        return undefined;
      });
    }
    o.progress('replicas: single process, same workload');
    const single = await runMode(o, buildDir, undefined);
    o.progress('replicas: two replicas on Redis');
    const replicas = await runMode(o, buildDir, redis.url);
    const faults = `${o.latencyMs} ms per call, 190 / 10 s enforced, 10 % 429s, 2 % of creates applied with the answer lost, 3 in 10 batches to both replicas`;
    return { deals: o.deals, seconds: o.seconds, latencyMs: o.latencyMs, faults, single, replicas };
  } finally {
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
    await redis.stop();
  }
}
