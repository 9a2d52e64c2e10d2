import { createMemoryRateBudget, createRedisRateBudget, type RateBudget, type RateBudgetSettings } from '../../src/hubspot/rate-budget';
import { describeWithRedis } from '../helpers/test-redis';
import { waitUntil } from '../helpers/wait-until';

/** Starts an acquisition and reports whether it has resolved, without awaiting it. */
function track(p: Promise<void>) {
  const t = { done: false };
  void p.then(
    () => (t.done = true),
    () => undefined,
  );
  return t;
}
const remember = (b: RateBudget) => (made.push(b), b);
const settle = () => new Promise((r) => setTimeout(r, 150));

const made: RateBudget[] = [];
afterEach(() => made.splice(0).forEach((b) => b.close()));

function budgetContract(name: string, makeOne: (s: RateBudgetSettings) => RateBudget, secondOne: (s: RateBudgetSettings) => RateBudget) {
  const make = (s: RateBudgetSettings) => remember(makeOne(s));
  const second = (s: RateBudgetSettings) => remember(secondOne(s));
  describe(name, () => {
    it('lets the searches of one second through, holds the next one, then lets it through', async () => {
      const budget = make({ requestsPer10s: 100, searchesPerSecond: 2 });
      await budget.acquire('search');
      await budget.acquire('search');
      const third = track(budget.acquire('search'));
      await settle();
      expect(third.done).toBe(false);
      await waitUntil(() => third.done, 'the next second frees a search slot', 5_000);
    });

    it('counts a search against the request budget too', async () => {
      const budget = make({ requestsPer10s: 2, searchesPerSecond: 5 });
      await budget.acquire('search');
      await budget.acquire('request');
      const next = track(budget.acquire('request'));
      await settle();
      expect(next.done).toBe(false);
    });

    it('never lets more than the limit start in any window, wherever the window falls (a sliding log, not fixed windows)', async () => {
      const settings = { requestsPer10s: 10, searchesPerSecond: 5, requestWindowMs: 500 };
      const a = make(settings);
      const b = second(settings);
      const starts: number[] = [];
      const take = async (budget: RateBudget) => {
        await budget.acquire('request');
        starts.push(Date.now());
      };
      await take(a);
      // Half a window later: a fixed window would let 9 through now and 10 more at its boundary.
      await new Promise((r) => setTimeout(r, 250));
      await Promise.all(Array.from({ length: 34 }, (_, i) => take(i % 2 ? a : b)));
      starts.sort((x, y) => x - y);
      // Each start is stamped after its slot was granted; 15 ms of slack keeps that lag out of the count.
      const most = Math.max(...starts.map((t) => starts.filter((u) => u >= t && u < t + 500 - 15).length));
      expect(starts).toHaveLength(35);
      expect(most).toBeLessThanOrEqual(10);
      expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(1500);
    });

    it('after a 429, holds every caller of the budget for the cool-down, then lets them go', async () => {
      const settings = { requestsPer10s: 100, searchesPerSecond: 5 };
      const a = make(settings);
      const b = second(settings);
      await a.acquire('request');
      await a.coolDown(1000);
      const held = track(b.acquire('request'));
      await settle();
      expect(held.done).toBe(false);
      await waitUntil(() => held.done, 'the cool-down ends', 5_000);
    });
  });
}

describe('the in-process budget', () => {
  let shared: RateBudget | undefined;
  budgetContract(
    '(one process)',
    (s) => (shared = createMemoryRateBudget(s)),
    () => shared!,
  );

  it('rejects waiting callers at once when closed (shutdown)', async () => {
    const budget = createMemoryRateBudget({ requestsPer10s: 1, searchesPerSecond: 5 });
    await budget.acquire('request');
    const waiting = budget.acquire('request');
    budget.close();
    await expect(waiting).rejects.toThrow(/budget is closed/);
  });

  it('has no request limit when HUBSPOT_REQUESTS_PER_10S is 0', async () => {
    const budget = createMemoryRateBudget({ requestsPer10s: 0, searchesPerSecond: 5 });
    for (let i = 0; i < 500; i++) await budget.acquire('request');
  });
});

describeWithRedis('the Redis budget', (redis) => {
  let n = 0;
  // Each test gets its own counters; "second" is another replica on its own connection, same counters.
  const prefixFor = () => `${redis.prefix}:${n}`;
  budgetContract(
    'shared by replicas',
    (s) => createRedisRateBudget(redis.connect(), s, `${redis.prefix}:${++n}`),
    (s) => createRedisRateBudget(redis.connect(), s, prefixFor()),
  );

  it('spends one budget across replicas', async () => {
    const settings = { requestsPer10s: 3, searchesPerSecond: 5 };
    const prefix = `${redis.prefix}:shared`;
    const a = remember(createRedisRateBudget(redis.connect(), settings, prefix));
    const b = remember(createRedisRateBudget(redis.connect(), settings, prefix));
    await a.acquire('request');
    await b.acquire('request');
    await a.acquire('request');
    const fourth = track(b.acquire('request'));
    await settle();
    expect(fourth.done).toBe(false);
  });
});
