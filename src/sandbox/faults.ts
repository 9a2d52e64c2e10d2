import type { RequestHandler } from 'express';
import type { CallCounters } from './counters';
import { SEARCH_ENDPOINT } from './endpoints';
import { rateLimited, searchRateLimited, serverError } from './errors';
import type { Prng } from './prng';
import { SlidingWindow } from './rateLimits';

/**
 * Faults, set per run (options.faults, sandbox.setFaults, POST /_sandbox/faults). Probabilities
 * use the sandbox's seedable PRNG, so a given `seed` injects the same faults on the same calls.
 */
export interface FaultOptions {
  /** Probability (0..1) that an API call answers HubSpot's TEN_SECONDLY_ROLLING 429. */
  rateLimit429?: number;
  /** The next N API calls answer 429 (deterministic). */
  rateLimitNext?: number;
  /** Probability that an API call answers a 5xx (one of serverErrorStatuses). */
  serverError5xx?: number;
  /** The next N API calls answer a 5xx. */
  serverErrorNext?: number;
  /** Statuses the 5xx faults pick from; default [500, 502, 503]. */
  serverErrorStatuses?: number[];
  /** Added to every API call, in ms. */
  latencyMs?: number;
  /** Probability that a webhook event is dropped (never sent). */
  dropWebhooks?: number;
  /** The next N webhook events are dropped. */
  dropNextWebhooks?: number;
  /** A real rolling limit (HubSpot's is 190 per 10 s for private apps). Off unless set. */
  rollingLimit?: { max: number; intervalMs: number } | false;
  /** HubSpot's search limit, 5 requests per second; on unless false. */
  searchRateLimit?: boolean;
}

const DEFAULT_STATUSES = [500, 502, 503];
const SEARCH_PER_SECOND = 5;

export class FaultState {
  private current: FaultOptions;
  private rolling: SlidingWindow | undefined;
  private readonly search = new SlidingWindow(SEARCH_PER_SECOND, 1000);

  constructor(
    private readonly initial: FaultOptions,
    private readonly prng: Prng,
  ) {
    this.current = { ...initial };
    this.syncRolling();
  }

  get(): FaultOptions {
    return structuredClone(this.current);
  }

  /** Merge: keys given replace the current ones (`undefined`/`0` switches a fault off). */
  set(patch: FaultOptions): void {
    this.current = { ...this.current, ...patch };
    this.syncRolling();
  }

  clear(): void {
    this.current = {};
    this.syncRolling();
  }

  /** Back to the faults given at start, fresh windows and PRNG. */
  reset(): void {
    this.current = { ...this.initial };
    this.prng.reset();
    this.search.reset();
    this.rolling = undefined;
    this.syncRolling();
  }

  private syncRolling(): void {
    const limit = this.current.rollingLimit;
    if (!limit) {
      this.rolling = undefined;
      return;
    }
    if (this.rolling) {
      this.rolling.max = limit.max;
      this.rolling.intervalMs = limit.intervalMs;
    } else {
      this.rolling = new SlidingWindow(limit.max, limit.intervalMs);
    }
  }

  private takeCount(key: 'rateLimitNext' | 'serverErrorNext' | 'dropNextWebhooks'): boolean {
    const n = this.current[key] ?? 0;
    if (n <= 0) return false;
    this.current[key] = n - 1;
    return true;
  }

  /** Should this webhook event be dropped? */
  dropWebhook(): boolean {
    return this.takeCount('dropNextWebhooks') || this.prng.chance(this.current.dropWebhooks);
  }

  latencyMs(): number {
    return Math.max(0, this.current.latencyMs ?? 0);
  }

  private rateLimitHeaders(remaining: number, retryAfter?: number): Record<string, string> {
    const limit = this.current.rollingLimit;
    return {
      'X-HubSpot-RateLimit-Max': String(limit ? limit.max : 190),
      'X-HubSpot-RateLimit-Remaining': String(remaining),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(limit ? limit.intervalMs : 10_000),
      ...(retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {}),
    };
  }

  /** Express middleware for API calls (after auth). `endpoint` is set by the counting middleware. */
  middleware(counters: CallCounters): RequestHandler {
    return (_req, res, next) => {
      const isSearch = res.locals['endpoint'] === SEARCH_ENDPOINT;
      if (isSearch && this.current.searchRateLimit !== false && !this.search.tryHit()) {
        counters.recordFault('searchLimit429');
        next(searchRateLimited());
        return;
      }
      if (!isSearch && this.rolling) {
        if (!this.rolling.tryHit()) {
          counters.recordFault('rollingLimit429');
          next(rateLimited(this.rateLimitHeaders(0, this.rolling.retryAfterSeconds())));
          return;
        }
        res.set(this.rateLimitHeaders(this.rolling.remaining()));
      }
      if (this.takeCount('rateLimitNext') || this.prng.chance(this.current.rateLimit429)) {
        counters.recordFault('injected429');
        next(rateLimited(this.rateLimitHeaders(0, 1)));
        return;
      }
      if (this.takeCount('serverErrorNext') || this.prng.chance(this.current.serverError5xx)) {
        counters.recordFault('injected5xx');
        const status = this.prng.pick(this.current.serverErrorStatuses ?? DEFAULT_STATUSES) ?? 500;
        next(serverError(status));
        return;
      }
      next();
    };
  }
}
