import { setMaxListeners } from 'node:events';
import type { Redis } from 'ioredis';
import { memorySlidingLog, redisSlidingLog, type Limit, type SlidingLogStore } from './sliding-log';

/**
 * One HubSpot budget: requests per 10 s (HUBSPOT_REQUESTS_PER_10S, default 180 under HubSpot's 190)
 * and searches per second (HUBSPOT_SEARCHES_PER_SECOND, default 4 under 5). In one process it is in
 * memory; with REDIS_URL every replica draws on the same logs, and a 429 seen by any replica holds
 * every caller of that limit on every replica (the shared cool-down).
 *
 * HubSpot's limits are rolling ("190 in any 10 seconds"), so the budget is a sliding log
 * (sliding-log.ts), not fixed windows: a burst at the end of one window and another at the start
 * of the next would pass twice the limit within 10 s. A caller over budget waits what the log
 * answers and asks again. A search takes a search slot and a request slot together (HubSpot counts
 * it in both), so neither can be held while waiting for the other.
 *
 * Seam: it replaces the client's limiter (hubSpotClient with requestsPer10s 0) and SearchThrottle.
 * CrmGateway takes a slot inside the function withRetry repeats (each attempt takes one) and, on a
 * 429, calls coolDown with the wait HubSpot asked for (src/hubspot/guarded-call.ts).
 */

export type BudgetKind = 'request' | 'search';

export interface RateBudget {
  /** Resolves when one call of this kind may start. */
  acquire(kind: BudgetKind): Promise<void>;
  /** After a 429: every caller of this budget (every replica, with Redis) waits `ms`. */
  coolDown(ms: number, kind?: BudgetKind): Promise<void>;
  /** Shutdown: callers still waiting are rejected at once. */
  close(): void;
}

export interface RateBudgetSettings {
  /** 0 = no request limit (the local stand-in). */
  requestsPer10s: number;
  searchesPerSecond: number;
  /** The windows (default 10 s and 1 s, HubSpot's); tests shorten them. */
  requestWindowMs?: number;
  searchWindowMs?: number;
}

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

export function budgetOver(store: SlidingLogStore, settings: RateBudgetSettings): RateBudget {
  const closing = new AbortController();
  // Every waiting caller listens for the close; hundreds may wait at once.
  setMaxListeners(0, closing.signal);
  const request: Limit | undefined =
    settings.requestsPer10s > 0 ? { key: 'requests', limit: settings.requestsPer10s, windowMs: settings.requestWindowMs ?? 10_000 } : undefined;
  const search: Limit = { key: 'searches', limit: settings.searchesPerSecond, windowMs: settings.searchWindowMs ?? 1_000 };
  const limitsOf = (kind: BudgetKind): Limit[] => [...(kind === 'search' ? [search] : []), ...(request ? [request] : [])];
  return {
    async acquire(kind) {
      const limits = limitsOf(kind);
      if (!limits.length) return;
      for (;;) {
        if (closing.signal.aborted) throw new Error('the HubSpot budget is closed: the service is shutting down');
        const wait = await store.take(limits);
        if (wait <= 0) return;
        await pause(wait, closing.signal);
      }
    },
    async coolDown(ms, kind = 'request') {
      const limit = kind === 'search' ? search : request;
      if (!limit || ms <= 0) return;
      await store.coolDown(limit.key, ms);
    },
    close: () => closing.abort(),
  };
}

export function createMemoryRateBudget(settings: RateBudgetSettings): RateBudget {
  return budgetOver(memorySlidingLog(), settings);
}

export function createRedisRateBudget(redis: Redis, settings: RateBudgetSettings, prefix = 'throughline'): RateBudget {
  return budgetOver(redisSlidingLog(redis, `${prefix}:hubspot-budget`), settings);
}
