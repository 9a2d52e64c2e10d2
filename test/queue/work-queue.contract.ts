import type { JobContext, JobHandler, WorkQueue, WorkQueueSettings } from '../../src/queue/work-queue';
import { gate, waitUntil } from '../helpers/wait-until';

/**
 * The one contract both WorkQueue implementations pass (in memory, BullMQ on Redis). `make` builds
 * a fresh queue; `replica` (when the implementation has replicas) a second worker on the same queue.
 */
export interface TestEvent {
  key: string;
  n: number;
}
export const keyOf = (e: TestEvent) => (e.key === '' ? undefined : e.key);

export interface QueueFactory {
  make(settings: WorkQueueSettings): WorkQueue<TestEvent>;
  replica?(settings: WorkQueueSettings): WorkQueue<TestEvent>;
}

const base: WorkQueueSettings = { concurrency: 4, batchSize: 10, attempts: 3, backoffMs: 10, coalesceMs: 20 };
const ev = (key: string, n: number): TestEvent => ({ key, n });
/** A batch handler that runs `one` for each job of the batch, together. */
const each =
  (one: (key: string, events: TestEvent[], ctx: JobContext) => Promise<void>): JobHandler<TestEvent> =>
  async (jobs) =>
    void (await Promise.all(jobs.map((j) => one(j.key, j.events, j.context))));

export function workQueueContract(factory: QueueFactory): void {
  const open: WorkQueue<TestEvent>[] = [];
  const make = (s: Partial<WorkQueueSettings> = {}) => {
    const q = factory.make({ ...base, ...s });
    open.push(q);
    return q;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()));
  });

  it('coalesces the events of one key from several batches into one job, in order', async () => {
    const q = make();
    await q.enqueue([ev('a', 1), ev('b', 1)]);
    await q.enqueue([ev('a', 2)]);
    expect(await q.enqueue([ev('a', 3), ev('b', 2), ev('', 0)])).toEqual({ events: 2, keys: 2, unkeyed: 1 });
    expect((await q.status()).depth).toBe(2);

    const calls: Array<[string, number[]]> = [];
    q.startWorkers(each(async (key, events) => void calls.push([key, events.map((e) => e.n)])));
    await q.whenIdle();
    expect(calls.sort()).toEqual([
      ['a', [1, 2, 3]],
      ['b', [1, 2]],
    ]);
    expect(await q.status()).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, depth: 0 });
  });

  it('never runs two jobs of one key at once (across replicas), runs other keys meanwhile, and loses no event', async () => {
    const a = make();
    const b = factory.replica ? factory.replica({ ...base }) : undefined;
    if (b) open.push(b);
    const held = gate();
    const active = new Map<string, number>();
    let maxActiveA = 0;
    const seen: Array<[string, number[], number]> = [];
    const handler = async (key: string, events: TestEvent[], ctx: { fencingToken: number }) => {
      active.set(key, (active.get(key) ?? 0) + 1);
      if (key === 'a') maxActiveA = Math.max(maxActiveA, active.get(key)!);
      seen.push([key, events.map((e) => e.n), ctx.fencingToken]);
      if (key === 'a' && events.some((e) => e.n === 1)) await held.promise;
      active.set(key, active.get(key)! - 1);
    };
    a.startWorkers(each(handler));
    b?.startWorkers(each(handler));

    await a.enqueue([ev('a', 1)]);
    await waitUntil(() => active.get('a') === 1, 'the first job of a runs');
    await (b ?? a).enqueue([ev('a', 2), ev('c', 1)]);
    await waitUntil(() => seen.some(([key]) => key === 'c'), 'c runs while a is held');
    expect(seen.filter(([key]) => key === 'a')).toHaveLength(1);

    held.open();
    await waitUntil(() => seen.filter(([key]) => key === 'a').length === 2, 'the second job of a runs after the first');
    await a.whenIdle();
    const runsOfA = seen.filter(([key]) => key === 'a');
    expect(runsOfA.map(([, ns]) => ns)).toEqual([[1], [2]]);
    expect(runsOfA[1]![2]).toBeGreaterThan(runsOfA[0]![2]);
    expect(maxActiveA).toBe(1);
  });

  it('retries a failing job with backoff, keeps it as failed, and replays it on retryFailed', async () => {
    const q = make({ attempts: 2 });
    let broken = true;
    const attempts: number[] = [];
    q.startWorkers(
      each(async (_key, events, ctx) => {
        attempts.push(ctx.attempt);
        if (broken) throw new Error(`HubSpot failed with 503 (events ${events.map((e) => e.n).join(',')})`);
      }),
    );
    await q.enqueue([ev('deal-1', 7)]);
    await waitUntil(async () => (await q.status()).failed === 1, 'the job lands in the failed set');
    expect(attempts).toEqual([1, 2]);
    const [failed, ...rest] = await q.failed();
    expect(rest).toEqual([]);
    expect(failed).toMatchObject({ key: 'deal-1', events: 1, attempts: 2, reason: 'HubSpot failed with 503 (events 7)' });
    expect(failed!.failedAt).toBeGreaterThan(0);

    expect(await q.retryFailed(['no-such-job'])).toBe(0);
    broken = false;
    expect(await q.retryFailed([failed!.id])).toBe(1);
    await waitUntil(async () => (await q.status()).failed === 0 && attempts.length === 3, 'the replayed job runs');
    await q.whenIdle();
    expect(attempts).toEqual([1, 2, 1]);
    expect(await q.failed()).toEqual([]);
  });

  it('replays every failed job when no id is given', async () => {
    const q = make({ attempts: 1 });
    let broken = true;
    const done: string[] = [];
    q.startWorkers(
      each(async (key) => {
        if (broken) throw new Error('down');
        done.push(key);
      }),
    );
    await q.enqueue([ev('x', 1), ev('y', 1)]);
    await waitUntil(async () => (await q.status()).failed === 2, 'both jobs fail');
    broken = false;
    expect(await q.retryFailed()).toBe(2);
    await waitUntil(() => done.length === 2, 'both replayed');
    expect(done.sort()).toEqual(['x', 'y']);
  });

  it('runs ready jobs of different keys together, at most batchSize a batch, each key once', async () => {
    const q = make({ concurrency: 1, batchSize: 3 });
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
    await q.enqueue(keys.map((k, n) => ev(k, n)));
    const batches: string[][] = [];
    q.startWorkers(async (jobs) => void batches.push(jobs.map((j) => j.key).sort()));
    await q.whenIdle();
    expect(batches.map((b) => b.length)).toEqual([3, 2]);
    expect(batches.flat().sort()).toEqual(keys);
  });

  it('a failing batch retries each of its jobs with its own events', async () => {
    const q = make({ attempts: 2 });
    const runs: Array<Array<[string, number[], number]>> = [];
    q.startWorkers(async (jobs) => {
      runs.push(jobs.map((j) => [j.key, j.events.map((e) => e.n), j.context.attempt]));
      if (runs.length === 1) throw new Error('HubSpot failed with 503');
    });
    await q.enqueue([ev('p', 1), ev('q', 2)]);
    await waitUntil(() => runs.flat().length === 4, 'both jobs run twice');
    await q.whenIdle();
    const sorted = (run: Array<[string, number[], number]>) => [...run].sort((x, y) => x[0].localeCompare(y[0]));
    expect(sorted(runs.flat().filter(([, , attempt]) => attempt === 1))).toEqual([
      ['p', [1], 1],
      ['q', [2], 1],
    ]);
    expect(sorted(runs.flat().filter(([, , attempt]) => attempt === 2))).toEqual([
      ['p', [1], 2],
      ['q', [2], 2],
    ]);
    expect((await q.status()).failed).toBe(0);
  });

  it('a job that fails every time does not take the jobs batched with it down: retries run alone', async () => {
    const q = make({ attempts: 3 });
    const done: string[] = [];
    const batches: string[][] = [];
    q.startWorkers(async (jobs) => {
      const keys = jobs.map((j) => j.key).sort();
      batches.push(keys);
      if (keys.includes('poison')) throw new Error('HubSpot refused the deal (400)');
      done.push(...keys);
    });
    await q.enqueue([ev('p', 1), ev('poison', 2), ev('q', 3)]);
    await waitUntil(async () => (await q.status()).failed === 1, 'the poison job fails for good');
    await q.whenIdle();
    expect(batches[0]).toEqual(['p', 'poison', 'q']);
    expect(batches.slice(1).every((b) => b.length === 1)).toBe(true);
    expect(done.sort()).toEqual(['p', 'q']);
    expect((await q.failed()).map((f) => f.key)).toEqual(['poison']);
  });
}
