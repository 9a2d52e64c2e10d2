import type { RequestHandler } from 'express';
import { createdObjectType, failAfterApplying, type AppliedCreateFailure } from './applied-create-fault';
import { DEFAULT_BATCH_RESULT_ORDER, setBatchAnswerShape, type BatchResultOrder } from './batch-answers';
import type { CallCounters } from './counters';
import { SEARCH_ENDPOINT } from './endpoints';
import { rateLimited, searchRateLimited, serverError } from './errors';
import type { Prng } from './prng';
import { SlidingWindow } from './rate-limits';

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
  /** Order of batch results (HubSpot promises none): default 'reversed'; 'shuffled' is seeded. */
  batchResultOrder?: BatchResultOrder;
  /** Leave `objectWriteTraceId` off batch results (HubSpot's spec lists it, but does not promise it). */
  omitObjectWriteTraceIds?: boolean;
  /** Probability that an object create (single or batch) is applied and then fails (see createFailure). */
  appliedCreateFails?: number;
  /** The next N object creates are applied and then fail. */
  appliedCreateFailsNext?: number;
  /** How an applied create fails: '5xx' (default, one of serverErrorStatuses) or 'drop' (no answer). */
  appliedCreateFailure?: AppliedCreateFailure;
  /** Only creates of these object types, as the path names them ('tasks', '2-123'); default all. */
  appliedCreateTypes?: string[];
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
    /** Shuffles batch results; its own stream, so shuffling does not move the injected faults. */
    private readonly orderPrng: Prng = prng,
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
    this.orderPrng.reset();
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

  private takeCount(key: 'rateLimitNext' | 'serverErrorNext' | 'dropNextWebhooks' | 'appliedCreateFailsNext'): boolean {
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

  /** Should this create (of `objectType`) be applied and then fail? */
  private failsAfterApplying(objectType: string | undefined): boolean {
    if (objectType === undefined) return false;
    const types = this.current.appliedCreateTypes;
    if (types && !types.includes(objectType)) return false;
    return this.takeCount('appliedCreateFailsNext') || this.prng.chance(this.current.appliedCreateFails);
  }

  /** Express middleware for API calls (after auth). `endpoint` is set by the counting middleware. */
  middleware(counters: CallCounters): RequestHandler {
    return (req, res, next) => {
      setBatchAnswerShape(res, {
        order: this.current.batchResultOrder ?? DEFAULT_BATCH_RESULT_ORDER,
        omitTraceIds: this.current.omitObjectWriteTraceIds ?? false,
        prng: this.orderPrng,
      });
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
      if (this.failsAfterApplying(createdObjectType(res.locals['endpoint'], req.path))) {
        const status = this.prng.pick(this.current.serverErrorStatuses ?? DEFAULT_STATUSES) ?? 500;
        failAfterApplying(res, this.current.appliedCreateFailure ?? '5xx', status, () => counters.recordFault('appliedCreateFailed'));
      }
      next();
    };
  }
}
