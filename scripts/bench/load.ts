import { performance } from 'node:perf_hooks';
import { GATE_PROPERTIES as G } from '../../src/model/well-known-properties';
import type { Sandbox } from '@throughline/sandbox';
import { OWNERS, USER, namesOf, seedOwners, type Names } from '../lib/seed';
import { countsRecord } from './call-log';
import { checkGateOutcome, seedGateBatch, type GateBatch } from './gate-fixtures';
import { rssOf, startServiceProcess } from './service-process';
import { provisionPortal, startBenchSandbox } from './stack';
import { heapUsedMb, maxCallsIn10s, MB, summariseSamples, type MemorySummary, type RssSample } from './load-samples';
import { round, summarize, type Summary } from './stats';
import { dealStageEvent, postSignedBatch } from './webhook';

/**
 * Service under load. The service runs in its own process (src/server.ts, as `npm start` runs it,
 * with its default client-side limiter of 180 requests / 10 s); this process runs the stand-in
 * (with 50 ms latency and HubSpot's real 190 / 10 s rolling limit switched on) and an open-loop
 * generator: every 100 ms, rate/10 events as signed batches of ≤ 100, at most 10 batches in flight
 * (HubSpot's maxConcurrentRequests); a batch due while 10 are in flight is not sent and is counted.
 *
 * The mix per second (at 1,000 events/s):
 *   790 dealstage changes to stages no rule gates     → decided from the event, no HubSpot call
 *   200 echoes of the app's own writes (INTEGRATION)  → dropped at the door, no HubSpot call
 *     9 closed-won re-deliveries of deals that passed → read, skipped, nothing written
 *     1 new closed-won deal, alternately incomplete (blocked: revert + task) and complete (passed:
 *       status, contract, customer status), seeded just before its event
 * The gated events travel together in the first batch of each second, so the service makes ~8–16
 * calls per second — about 60 % of HubSpot's 190 / 10 s. More gated deals per second would measure
 * HubSpot's rate limit (the client queues), not the service. RSS is read from /proc/<pid>/status.
 */
export interface LoadOptions {
  seconds: number;
  rate: number;
  latencyMs: number;
  runtime: 'compiled' | 'tsx';
  progress: (line: string) => void;
}

export interface LoadResult {
  seconds: number;
  targetEventsPerSecond: number;
  runtime: 'compiled' | 'tsx';
  mix: Record<string, number>;
  sent: { events: number; batches: number; notSentBackpressure: number; eventsPerSecond: number };
  answers: { all: Summary; gatedBatches: Summary; otherBatches: Summary; non200: Record<string, number>; networkErrors: number; deferred: number };
  rss: MemorySummary['rss'];
  /** V8 heap in use during the load (from /metrics): a leak shows here before RSS. */
  heap: MemorySummary['heap'];
  hubspot: { calls: ReturnType<typeof countsRecord>; maxCallsPer10s: number };
  decisions: { fresh: number; blocked: number; passed: number; wrong: number; duplicateTasks: number; examples: string[] };
  serviceLog: Record<string, number>;
  serviceProblems: string[];
}

const TICK_MS = 100;
const MAX_IN_FLIGHT = 10;

/** Deals a rep moved earlier: passed the gate already (closed-won re-deliveries find them decided). */
function seedPassedDeals(sandbox: Sandbox, names: Names, count: number): string[] {
  const batch = seedGateBatch(sandbox, names, count * 2, 1, 'Load passed');
  for (const id of batch.passing) {
    sandbox.updateObject('deals', id, { [G.status]: 'passed', [G.checkedAt]: new Date(Date.now() + 1000).toISOString() });
  }
  return batch.passing;
}

function seedOpenDeals(sandbox: Sandbox, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      sandbox.createObject(
        'deals',
        { dealname: `Load open ${i}`, pipeline: 'default', dealstage: 'appointmentscheduled', hubspot_owner_id: OWNERS.rep.id },
        { actAs: USER(OWNERS.rep) },
      ).id,
    );
  }
  return ids;
}

export async function runLoadBench(o: LoadOptions): Promise<LoadResult> {
  const { sandbox, model } = await startBenchSandbox();
  const names = namesOf(model);
  await provisionPortal(sandbox, model);
  seedOwners(sandbox);
  const passed = seedPassedDeals(sandbox, names, 50);
  const open = seedOpenDeals(sandbox, 500);
  sandbox.setFaults({ latencyMs: o.latencyMs, rollingLimit: { max: 190, intervalMs: 10_000 } });

  const service = await startServiceProcess(
    {
      HUBSPOT_ACCESS_TOKEN: sandbox.accessToken,
      HUBSPOT_CLIENT_SECRET: sandbox.clientSecret,
      HUBSPOT_APP_ID: sandbox.appId,
      HUBSPOT_API_BASE_URL: sandbox.url,
      LOG_LEVEL: 'info',
      PORTAL_TIMEZONE: 'UTC',
    },
    { runtime: o.runtime, progress: o.progress },
  );
  o.progress(`load: service pid ${service.pid} (${service.runtime}) at ${service.url}`);
  const url = `${service.url}/webhooks/hubspot`;
  const secret = sandbox.clientSecret;

  const samples: RssSample[] = [];
  const callTotals: Array<{ t: number; total: number }> = [];
  const t0 = performance.now();
  let phase: RssSample['phase'] = 'idle';
  let tickNo = 0;
  const sampler = setInterval(() => {
    const rss = rssOf(service.pid);
    const s: RssSample | undefined = rss !== undefined ? { t: round((performance.now() - t0) / 1000, 1), rssMb: round(rss / MB, 1), phase } : undefined;
    if (s) {
      samples.push(s);
      if (tickNo++ % 5 === 0) void heapUsedMb(service.url).then((h) => h !== undefined && (s.heapUsedMb = h));
    }
    callTotals.push({ t: performance.now(), total: sandbox.calls().total });
  }, 1000);
  await new Promise((r) => setTimeout(r, 3000));
  sandbox.resetCounters();
  callTotals.length = 0;

  const fresh: GateBatch = { blocked: [], passing: [], linked: { scopes: 0, contracts: 0 } };
  const answers: number[] = [];
  const gatedAnswers: number[] = [];
  const otherAnswers: number[] = [];
  const non200: Record<string, number> = {};
  let networkErrors = 0;
  let deferred = 0;
  let inFlight = 0;
  let notSent = 0;
  let batches = 0;
  let events = 0;
  let eventId = 1;
  let nextOwnWrite = 0;
  const pending = new Set<Promise<void>>();
  const perTick = Math.max(1, Math.round(o.rate / (1000 / TICK_MS)));
  const mix = { nonGated: 0, ownWrites: 0, redelivered: 0, freshGated: 0 };

  const send = (batch: Record<string, unknown>[], gated: boolean) => {
    if (inFlight >= MAX_IN_FLIGHT) {
      notSent++;
      return;
    }
    inFlight++;
    batches++;
    events += batch.length;
    const p = postSignedBatch(url, secret, batch)
      .then((d) => {
        answers.push(d.ms);
        (gated ? gatedAnswers : otherAnswers).push(d.ms);
        if (d.status !== 200) non200[d.status] = (non200[d.status] ?? 0) + 1;
        else if (d.body.includes('"deferred":true')) deferred++;
      })
      .catch(() => {
        networkErrors++;
      })
      .finally(() => {
        inFlight--;
        pending.delete(p);
      });
    pending.add(p);
  };

  const tick = (k: number) => {
    let budget = perTick;
    let first = true;
    while (budget > 0) {
      const size = Math.min(100, budget);
      budget -= size;
      const batch: Record<string, unknown>[] = [];
      let gated = false;
      if (first && k % (1000 / TICK_MS) === 0) {
        // Once a second: one new closed-won deal (alternately blocked and passing) and nine re-deliveries.
        const second = k / (1000 / TICK_MS);
        const one = seedGateBatch(sandbox, names, 1, second, 'Load fresh');
        fresh.blocked.push(...one.blocked);
        fresh.passing.push(...one.passing);
        for (const id of [...one.blocked, ...one.passing])
          batch.push(dealStageEvent(sandbox, { eventId: eventId++, objectId: id, propertyValue: 'closedwon' }));
        mix.freshGated++;
        for (let i = 0; i < 9 && batch.length < size; i++) {
          batch.push(
            dealStageEvent(sandbox, { eventId: eventId++, objectId: passed[(second * 9 + i) % passed.length]!, propertyValue: 'closedwon', attemptNumber: 1 }),
          );
          mix.redelivered++;
        }
        gated = true;
      }
      first = false;
      const own = Math.round(size * 0.2);
      while (batch.length < size - own) {
        const stage = ['qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'][eventId % 4]!;
        batch.push(dealStageEvent(sandbox, { eventId: eventId++, objectId: open[eventId % open.length]!, propertyValue: stage }));
        mix.nonGated++;
      }
      while (batch.length < size) {
        batch.push(dealStageEvent(sandbox, { eventId: eventId++, objectId: open[nextOwnWrite++ % open.length]!, propertyValue: 'contractsent', own: true }));
        mix.ownWrites++;
      }
      send(batch, gated);
    }
  };

  phase = 'load';
  const ticks = Math.round((o.seconds * 1000) / TICK_MS);
  const start = performance.now();
  for (let k = 0; k < ticks; k++) {
    const due = start + k * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    tick(k);
    if (k > 0 && k % (10_000 / TICK_MS) === 0) o.progress(`load: ${k / 10} s, ${events} events, RSS ${samples[samples.length - 1]?.rssMb ?? '?'} MB`);
  }
  const loadSeconds = (performance.now() - start) / 1000;
  await Promise.all([...pending]);
  const loadCalls = sandbox.calls();
  const loadTotals = [...callTotals];
  phase = 'after';
  await new Promise((r) => setTimeout(r, 3000));
  clearInterval(sampler);

  // No decision lost, nothing done twice: every fresh deal decided, one task per blocked deal.
  const wrong = checkGateOutcome(sandbox, fresh);
  const tasksPerDeal = new Map<string, number>();
  for (const t of sandbox.listObjects('tasks')) {
    const m = /Deal (\d+)\./.exec(t.properties.hs_task_body ?? '');
    if (m) tasksPerDeal.set(m[1]!, (tasksPerDeal.get(m[1]!) ?? 0) + 1);
  }
  const duplicateTasks = fresh.blocked.filter((id) => (tasksPerDeal.get(id) ?? 0) > 1).length;

  const serviceLog = { ...service.logLevels };
  const serviceProblems = [...service.firstProblems];
  await service.stop();
  await sandbox.stop();

  const { rss, heap } = summariseSamples(samples);
  const maxCallsPer10s = maxCallsIn10s(loadTotals);

  return {
    seconds: o.seconds,
    targetEventsPerSecond: o.rate,
    runtime: service.runtime,
    mix,
    sent: { events, batches, notSentBackpressure: notSent, eventsPerSecond: round(events / loadSeconds, 0) },
    answers: {
      all: summarize(answers),
      gatedBatches: summarize(gatedAnswers),
      otherBatches: summarize(otherAnswers),
      non200,
      networkErrors,
      deferred,
    },
    rss,
    heap,
    hubspot: { calls: countsRecord(loadCalls), maxCallsPer10s },
    decisions: {
      fresh: fresh.blocked.length + fresh.passing.length,
      blocked: fresh.blocked.length,
      passed: fresh.passing.length,
      wrong: wrong.length,
      duplicateTasks,
      examples: wrong.slice(0, 3),
    },
    serviceLog,
    serviceProblems,
  };
}
