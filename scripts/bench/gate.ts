import type { HubSpotClient } from './hubspot-client';
import { OWNERS, namesOf, seedOwners } from '../lib/seed';
import { countsRecord, readsAndWrites, type LoggedCall } from './call-log';
import { checkGateOutcome, gateLowerBound, seedGateBatch, type GateBatch } from './gate-fixtures';
import { startNaiveServer } from './naive';
import { nameCustomTypes, startBenchStack, type BenchStack } from './stack';
import { percentile, round, summarize, type Summary } from './stats';
import { dealStageEvent, postSignedBatch } from './webhook';

/**
 * Gate: signed batches of N closed-won events (half blocked, half passing) to the real service,
 * with simulated API latency. Per repetition: fresh deals, counters reset, one timed POST, the
 * stand-in's counters read, the outcome checked. Then the same events through the naive baseline.
 */
export interface GateOptions {
  sizes: number[];
  reps: (size: number) => number;
  naiveReps: (size: number) => number;
  latencyMs: number;
  makeClient: (basePath: string, accessToken: string) => HubSpotClient;
  progress: (line: string) => void;
}

interface RepSample {
  kind: 'blocked' | 'passed' | 'mixed';
  calls: number;
  lowerBound: number;
  ms: number;
  wrong: string[];
  deferred: boolean;
}

export interface GateSizeResult {
  size: number;
  throughline: {
    reps: number;
    calls: { p50: number; min: number; max: number };
    lowerBound: { p50: number; min: number; max: number; parts: Record<string, number> };
    callsOverLowerBound: number;
    answerMs: Summary;
    /** Calls of the last repetition: the stand-in's counters and the service's own attribution. */
    lastRep: ReturnType<typeof countsRecord> & { byOperation: Record<string, number> } & ReturnType<typeof attribute>;
    wrongDecisions: number;
    deferredAnswers: number;
    /** Calls and lower bound by batch composition (a 1-event batch is all blocked or all passing). */
    byKind: Record<string, { reps: number; calls: number; lowerBound: number; answerMsP50: number }>;
  };
  /** The last batch delivered again (HubSpot retries and duplicates): reads only, no writes. */
  redelivery: { calls: number; reads: number; writes: number; ms: number; byEndpoint: Record<string, number> };
  naive: {
    reps: number;
    calls: { p50: number; min: number; max: number };
    answerMs: Summary;
    byEndpoint: Record<string, number>;
    wrongDecisions: number;
    non200: number;
    byKind: Record<string, { reps: number; calls: number; lowerBound: number; answerMsP50: number }>;
  };
  naiveOverThroughline: { calls: number; timeP50: number };
}

export interface GateResult {
  latencyMs: number;
  warmUp: ReturnType<typeof countsRecord> & { byOperation: Record<string, number> };
  sizes: GateSizeResult[];
}

const spread = (xs: number[]) => ({ p50: percentile(xs, 50), min: Math.min(...xs), max: Math.max(...xs) });

/**
 * Which step of the flow each call served, from the service's operation names: the calls the lower
 * bound counts (the gate's batch reads, the deal update, the task create), the idempotency checks
 * that make a retried run find its own earlier writes (orphan tasks, written notes), and what a pass
 * starts (contract activation, customer status and its roll-up). The deal and contract reads of the
 * roll-up have the same names as the gate's; the gate's come first.
 */
const IDEMPOTENCY_OPS = [
  'batch read associations deals→tasks',
  'batch read tasks',
  'batch update tasks',
  'batch read associations deals→notes',
  'batch read notes',
];

function attribute(entries: LoggedCall[], batch: GateBatch): { lowerBoundScope: number; idempotencyChecks: number; passedDealEffects: number } {
  const ok = entries.filter((e) => e.outcome === 'ok');
  const budget = new Map(Object.entries(gateLowerBound(batch).parts));
  const out = { lowerBoundScope: 0, idempotencyChecks: 0, passedDealEffects: 0 };
  for (const e of ok) {
    const left = budget.get(e.operation) ?? 0;
    if (left > 0) {
      budget.set(e.operation, left - 1);
      out.lowerBoundScope++;
    } else if (IDEMPOTENCY_OPS.includes(e.operation)) out.idempotencyChecks++;
    else out.passedDealEffects++;
  }
  return out;
}

const kindOf = (batch: GateBatch): RepSample['kind'] => (!batch.passing.length ? 'blocked' : !batch.blocked.length ? 'passed' : 'mixed');

function byKind(samples: RepSample[]): GateSizeResult['throughline']['byKind'] {
  const out: GateSizeResult['throughline']['byKind'] = {};
  for (const kind of ['blocked', 'passed', 'mixed'] as const) {
    const of = samples.filter((s) => s.kind === kind);
    if (of.length) {
      out[kind] = {
        reps: of.length,
        calls: percentile(
          of.map((s) => s.calls),
          50,
        ),
        lowerBound: percentile(
          of.map((s) => s.lowerBound),
          50,
        ),
        answerMsP50: round(
          percentile(
            of.map((s) => s.ms),
            50,
          ),
          0,
        ),
      };
    }
  }
  return out;
}

let eventSeq = 1;

function eventsFor(stack: BenchStack, batch: GateBatch): Record<string, unknown>[] {
  const ids = [...batch.blocked, ...batch.passing].sort(() => Math.random() - 0.5);
  return ids.map((id) => dealStageEvent(stack.sandbox, { eventId: eventSeq++, objectId: id, propertyValue: 'closedwon', userId: OWNERS.rep.userId }));
}

export async function runGateBench(o: GateOptions): Promise<GateResult> {
  const stack = await startBenchStack();
  try {
    await stack.provision();
    seedOwners(stack.sandbox);
    const names = namesOf(stack.model);
    const rt = stack.service.runtime;
    stack.sandbox.setFaults({ latencyMs: o.latencyMs });

    // Once per process: custom object schemas and association labels (portal types), pipelines.
    stack.sandbox.resetCounters();
    stack.log.reset();
    await rt.gate();
    await rt.pipelines.all();
    const warmCalls = stack.sandbox.calls();
    await nameCustomTypes(stack); // cached by now: no call
    const warmUp = { ...countsRecord(warmCalls), byOperation: stack.log.byOperation() };
    const types = await rt.portalTypes();
    const webhookUrl = `${stack.service.url}/webhooks/hubspot`;
    const secret = stack.config.HUBSPOT_CLIENT_SECRET;

    const naive = await startNaiveServer({
      client: o.makeClient(stack.sandbox.url, stack.sandbox.accessToken),
      types,
      rules: rt.rules,
      pipelines: rt.pipelines,
      clientSecret: secret,
    });

    const sizes: GateSizeResult[] = [];
    try {
      for (const size of o.sizes) {
        const samples: RepSample[] = [];
        let last: { batch: GateBatch; events: Record<string, unknown>[] } | undefined;
        let lastRep: GateSizeResult['throughline']['lastRep'] | undefined;
        let parts: Record<string, number> = {};
        for (let rep = 0; rep < o.reps(size); rep++) {
          const batch = seedGateBatch(stack.sandbox, names, size, rep, `T${size}`);
          const events = eventsFor(stack, batch);
          stack.sandbox.resetCounters();
          stack.log.reset();
          const d = await postSignedBatch(webhookUrl, secret, events);
          await stack.sandbox.idle();
          const calls = stack.sandbox.calls();
          const bound = gateLowerBound(batch);
          if (batch.blocked.length === batch.passing.length || size === 1) parts = bound.parts;
          const wrong = d.status === 200 ? checkGateOutcome(stack.sandbox, batch) : [`HTTP ${d.status}: ${d.body.slice(0, 200)}`];
          samples.push({ kind: kindOf(batch), calls: calls.total, lowerBound: bound.total, ms: d.ms, wrong, deferred: d.body.includes('"deferred":true') });
          lastRep = { ...countsRecord(calls), byOperation: stack.log.byOperation(), ...attribute(stack.log.entries(), batch) };
          last = { batch, events };
        }
        o.progress(
          `gate ${size}: Throughline ${samples.length} reps, p50 ${round(
            percentile(
              samples.map((s) => s.ms),
              50,
            ),
            0,
          )} ms, ${percentile(
            samples.map((s) => s.calls),
            50,
          )} calls`,
        );

        // The same batch delivered again: every deal is decided already.
        stack.sandbox.resetCounters();
        const again = await postSignedBatch(
          webhookUrl,
          secret,
          last!.events.map((e) => ({ ...e, attemptNumber: 1 })),
        );
        const againCalls = stack.sandbox.calls();
        const redelivery = { calls: againCalls.total, ...readsAndWrites(againCalls), ms: again.ms, byEndpoint: againCalls.byEndpoint };

        const naiveSamples: Array<RepSample & { status: number; byEndpoint: Record<string, number> }> = [];
        for (let rep = 0; rep < o.naiveReps(size); rep++) {
          const batch = seedGateBatch(stack.sandbox, names, size, rep, `N${size}`);
          const events = eventsFor(stack, batch);
          stack.sandbox.resetCounters();
          const d = await postSignedBatch(naive.url, secret, events);
          const calls = stack.sandbox.calls();
          naiveSamples.push({
            kind: kindOf(batch),
            calls: calls.total,
            lowerBound: gateLowerBound(batch).total,
            ms: d.ms,
            deferred: false,
            status: d.status,
            wrong: d.status === 200 ? checkGateOutcome(stack.sandbox, batch) : [`HTTP ${d.status}`],
            byEndpoint: calls.byEndpoint,
          });
        }
        o.progress(
          `gate ${size}: naive ${naiveSamples.length} reps, p50 ${round(
            percentile(
              naiveSamples.map((s) => s.ms),
              50,
            ),
            0,
          )} ms, ${percentile(
            naiveSamples.map((s) => s.calls),
            50,
          )} calls`,
        );

        const tCalls = spread(samples.map((s) => s.calls));
        const nCalls = spread(naiveSamples.map((s) => s.calls));
        const tMs = summarize(samples.map((s) => s.ms));
        const nMs = summarize(naiveSamples.map((s) => s.ms));
        const bounds = samples.map((s) => s.lowerBound);
        sizes.push({
          size,
          throughline: {
            reps: samples.length,
            calls: tCalls,
            lowerBound: { ...spread(bounds), parts },
            callsOverLowerBound: round(
              percentile(
                samples.map((s) => s.calls / s.lowerBound),
                50,
              ),
              2,
            ),
            answerMs: tMs,
            lastRep: lastRep!,
            wrongDecisions: samples.reduce((a, s) => a + s.wrong.length, 0),
            deferredAnswers: samples.filter((s) => s.deferred).length,
            byKind: byKind(samples),
          },
          redelivery,
          naive: {
            reps: naiveSamples.length,
            calls: nCalls,
            answerMs: nMs,
            byEndpoint: naiveSamples[naiveSamples.length - 1]?.byEndpoint ?? {},
            wrongDecisions: naiveSamples.reduce((a, s) => a + s.wrong.length, 0),
            non200: naiveSamples.filter((s) => s.status !== 200).length,
            byKind: byKind(naiveSamples),
          },
          naiveOverThroughline: { calls: round(nCalls.p50 / tCalls.p50, 1), timeP50: round(nMs.p50 / tMs.p50, 1) },
        });
        const firstWrong = samples.flatMap((s) => s.wrong)[0] ?? naiveSamples.flatMap((s) => s.wrong)[0];
        if (firstWrong) o.progress(`gate ${size}: WRONG OUTCOME, e.g. ${firstWrong}`);
      }
    } finally {
      await naive.close();
    }
    return { latencyMs: o.latencyMs, warmUp, sizes };
  } finally {
    await stack.close();
  }
}
