import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * One HubSpot budget: requests per 10 s (HUBSPOT_REQUESTS_PER_10S, default 180 under HubSpot's 190)
 * and searches per second (HUBSPOT_SEARCHES_PER_SECOND, default 4 under 5). In one process it is in
 * memory; with REDIS_URL every replica draws on the same counters, and a 429 seen by any replica
 * blocks the counter for all of them (the shared cool-down).
 *
 * rate-limiter-flexible does the counting (fixed windows, as the client's bottleneck reservoir does
 * today); a caller over budget waits the msBeforeNext it answers and asks again. (Its RateLimiterQueue
 * would wait in order, but its timers cannot be cancelled: a shutting-down process would hang up to
 * 10 s.) A search takes a search slot and then a request slot: HubSpot counts searches in both.
 *
 * Seam: it replaces the client's limiter (hubSpotClient with requestsPer10s 0) and SearchThrottle.
 * In CrmGateway.call, `await budget.acquire('request')` inside the function withRetry repeats (each
 * attempt takes a slot); in search, `acquire('search')`; in onRetry, a 429 → `budget.coolDown(ms)`.
 */

export type BudgetKind = 'request' | 'search';

export interface RateBudget {
  /** Resolves when one call of this kind may start. */
  acquire(kind: BudgetKind): Promise<void>;
  /** After a 429: every caller of this budget (every replica, with Redis) waits `ms` (rounded up to whole seconds). */
  coolDown(ms: number, kind?: BudgetKind): Promise<void>;
  /** Shutdown: callers still waiting are rejected at once. */
  close(): void;
}

export interface RateBudgetSettings {
  /** 0 = no request limit (the local stand-in). */
  requestsPer10s: number;
  searchesPerSecond: number;
}

const KEYS: Record<BudgetKind, string> = { request: 'requests', search: 'searches' };

function pause(ms: number, closed: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (closed.aborted) return resolve();
    const timer = setTimeout(done, Math.max(1, ms));
    closed.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      closed.removeEventListener('abort', done);
      resolve();
    }
  });
}

async function take(limiter: RateLimiterAbstract, key: string, closed: AbortSignal): Promise<void> {
  for (;;) {
    if (closed.aborted) throw new Error('the HubSpot budget is closed: the service is shutting down');
    try {
      await limiter.consume(key, 1);
      return;
    } catch (res) {
      if (!(res instanceof RateLimiterRes)) throw res;
      await pause(res.msBeforeNext, closed);
    }
  }
}

function budgetOver(limiters: Record<BudgetKind, RateLimiterAbstract | undefined>): RateBudget {
  const closing = new AbortController();
  return {
    async acquire(kind) {
      if (kind === 'search' && limiters.search) await take(limiters.search, KEYS.search, closing.signal);
      if (limiters.request) await take(limiters.request, KEYS.request, closing.signal);
    },
    async coolDown(ms, kind = 'request') {
      const limiter = limiters[kind];
      if (!limiter || ms <= 0) return;
      // Never below a second: a block of 0 s would be a block without expiry.
      const seconds = Math.max(1, Math.ceil(ms / 1000));
      const current = await limiter.get(KEYS[kind]);
      if (current && current.consumedPoints > limiter.points && current.msBeforeNext >= seconds * 1000) return;
      await limiter.block(KEYS[kind], seconds);
    },
    close: () => closing.abort(),
  };
}

export function createMemoryRateBudget(settings: RateBudgetSettings): RateBudget {
  return budgetOver({
    request: settings.requestsPer10s > 0 ? new RateLimiterMemory({ points: settings.requestsPer10s, duration: 10 }) : undefined,
    search: new RateLimiterMemory({ points: settings.searchesPerSecond, duration: 1 }),
  });
}

export function createRedisRateBudget(redis: Redis, settings: RateBudgetSettings, prefix = 'throughline'): RateBudget {
  const keyPrefix = `${prefix}:hubspot-budget`;
  return budgetOver({
    request:
      settings.requestsPer10s > 0 ? new RateLimiterRedis({ storeClient: redis, keyPrefix, points: settings.requestsPer10s, duration: 10 }) : undefined,
    search: new RateLimiterRedis({ storeClient: redis, keyPrefix, points: settings.searchesPerSecond, duration: 1 }),
  });
}
