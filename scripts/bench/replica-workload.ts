import { performance } from 'node:perf_hooks';
import type { Sandbox } from '@throughline/sandbox';
import type { Names } from '../lib/seed';
import { seedGateBatch, type GateBatch } from './gate-fixtures';
import { dealStageEvent, postSignedBatch } from './webhook';

/**
 * The two-replica workload, the same for both modes: one batch of closed-won deals a second
 * (alternately blocked and passing), posted to one replica in turn; 3 batches in 10 are delivered
 * to two replicas at once (the second copy a HubSpot re-delivery: attemptNumber 1, signed anew).
 * A delivery that fails (a killed replica, a non-200) is delivered again to a live replica after
 * its Retry-After (at least 1 s), at most 10 attempts, as HubSpot re-delivers (over hours there). `kill` runs before the batch at `killAtBatch`.
 */
export interface WorkloadOptions {
  sandbox: Sandbox;
  names: Names;
  secret: string;
  /** Webhook URLs of the replicas alive now. */
  targets: () => string[];
  deals: number;
  seconds: number;
  killAtBatch?: number;
  kill?: () => Promise<void>;
  progress: (line: string) => void;
}

export interface WorkloadResult {
  batch: GateBatch;
  batches: number;
  deliveries: number;
  doubled: number;
  /** Times of the 200 answers (a refusal is fast and says nothing about deciding). */
  answersMs: number[];
  non200: Record<string, number>;
  networkErrors: number;
  redelivered: number;
  undelivered: number;
  /** ms since the first batch: the kill, and the last answer. */
  killedAtMs?: number;
  doneAtMs: number;
}

const DOUBLED = new Set([1, 4, 7]);
const MAX_ATTEMPTS = 10;

export async function runReplicaWorkload(o: WorkloadOptions): Promise<WorkloadResult> {
  const batch: GateBatch = { blocked: [], passing: [], linked: { scopes: 0, contracts: 0 } };
  const r: WorkloadResult = {
    batch,
    batches: 0,
    deliveries: 0,
    doubled: 0,
    answersMs: [],
    non200: {},
    networkErrors: 0,
    redelivered: 0,
    undelivered: 0,
    doneAtMs: 0,
  };
  const pending = new Set<Promise<void>>();
  let eventId = 1;

  const deliver = async (url: string, events: Record<string, unknown>[], attempt: number): Promise<void> => {
    r.deliveries++;
    let ok = false;
    let waitS = 1;
    try {
      const d = await postSignedBatch(url, o.secret, events, AbortSignal.timeout(30_000));
      ok = d.status === 200;
      if (ok) r.answersMs.push(d.ms);
      const why = `${d.status} ${/"error":"([^"]+)"/.exec(d.body)?.[1] ?? ''}`.trim();
      if (!ok) r.non200[why] = (r.non200[why] ?? 0) + 1;
      waitS = Math.max(1, d.retryAfterS ?? 1);
    } catch {
      r.networkErrors++;
    }
    if (ok) return;
    if (attempt >= MAX_ATTEMPTS) {
      r.undelivered++;
      return;
    }
    await new Promise((res) => setTimeout(res, waitS * 1000));
    const alive = o.targets();
    r.redelivered++;
    await deliver(
      alive[attempt % alive.length]!,
      events.map((e) => ({ ...e, attemptNumber: attempt })),
      attempt + 1,
    );
  };
  const track = (p: Promise<void>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  const perBatch = Math.ceil(o.deals / o.seconds);
  const start = performance.now();
  for (let k = 0; k * perBatch < o.deals && k < o.seconds; k++) {
    const wait = start + k * 1000 - performance.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    if (k === o.killAtBatch && o.kill) {
      await o.kill();
      r.killedAtMs = performance.now() - start;
    }
    const one = seedGateBatch(o.sandbox, o.names, Math.min(perBatch, o.deals - k * perBatch), k, 'Replicas');
    batch.blocked.push(...one.blocked);
    batch.passing.push(...one.passing);
    const events = [...one.blocked, ...one.passing].map((id) => dealStageEvent(o.sandbox, { eventId: eventId++, objectId: id, propertyValue: 'closedwon' }));
    const alive = o.targets();
    r.batches++;
    track(deliver(alive[k % alive.length]!, events, 1));
    if (DOUBLED.has(k % 10)) {
      r.doubled++;
      track(
        deliver(
          alive[(k + 1) % alive.length]!,
          events.map((e) => ({ ...e, attemptNumber: 1 })),
          2,
        ),
      );
    }
    if (k > 0 && k % 10 === 0) o.progress(`replicas: ${k} s, ${batch.blocked.length + batch.passing.length} deals sent, ${pending.size} deliveries in flight`);
  }
  while (pending.size) await Promise.all([...pending]);
  r.doneAtMs = performance.now() - start;
  return r;
}
