import type { WebhookEvent } from './events';
import { postOnce } from './post';
import { signV3 } from './signature';

/**
 * Delivery like HubSpot's: events are batched (≤ 100 per request, sent after a short delay or as
 * soon as 100 are queued), signed with v3, POSTed with a timeout, and retried on timeouts,
 * connection errors and 5xx following the retry schedule (4xx are not retried). At most
 * `maxConcurrent` requests are in flight. Every attempt is logged.
 */

export interface DeliveryConfig {
  clientSecret: () => string;
  /** Delays before retry 1, 2, …; attempts = schedule length + 1 (capped at maxAttempts). */
  retrySchedule: readonly number[];
  maxAttempts: number;
  timeoutMs: number;
  batchDelayMs: number;
  maxConcurrent: number;
}

export interface DeliveryAttempt {
  batchId: number;
  attemptNumber: number;
  url: string;
  eventIds: number[];
  events: WebhookEvent[];
  /** HTTP status, or null when the request failed (timeout, connection refused…). */
  status: number | null;
  error: string | null;
  ok: boolean;
  willRetry: boolean;
  startedAt: number;
  durationMs: number;
}

interface Batch {
  id: number;
  url: string;
  events: WebhookEvent[];
  attempt: number;
}

export const MAX_EVENTS_PER_REQUEST = 100;

export class WebhookDelivery {
  private queue: Array<{ url: string; event: WebhookEvent }> = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private retryTimers = new Set<NodeJS.Timeout>();
  private waiting: Batch[] = [];
  private inFlight = 0;
  private attempts: DeliveryAttempt[] = [];
  private idleWaiters: Array<() => void> = [];
  private nextBatchId = 1;
  private stopped = false;

  constructor(private readonly config: DeliveryConfig) {}

  enqueue(url: string, event: WebhookEvent): void {
    if (this.stopped) return;
    this.queue.push({ url, event });
    if (this.queue.length >= MAX_EVENTS_PER_REQUEST) this.flush();
    else this.flushTimer ??= setTimeout(() => this.flush(), this.config.batchDelayMs);
  }

  /** Send what is queued now, without waiting for the batching delay. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    while (this.queue.length > 0) {
      const url = this.queue[0]?.url ?? '';
      const take: WebhookEvent[] = [];
      while (take.length < MAX_EVENTS_PER_REQUEST && this.queue[0]?.url === url) {
        const next = this.queue.shift();
        if (next) take.push(next.event);
      }
      this.dispatch({ id: this.nextBatchId++, url, events: take, attempt: 0 });
    }
    this.checkIdle();
  }

  private dispatch(batch: Batch): void {
    if (this.inFlight >= this.config.maxConcurrent) {
      this.waiting.push(batch);
      return;
    }
    this.inFlight += 1;
    void this.send(batch).finally(() => {
      this.inFlight -= 1;
      const next = this.waiting.shift();
      if (next && !this.stopped) this.dispatch(next);
      this.checkIdle();
    });
  }

  private async send(batch: Batch): Promise<void> {
    const events = batch.events.map((e) => ({ ...e, attemptNumber: batch.attempt }));
    const body = JSON.stringify(events);
    const timestamp = Date.now();
    const headers = {
      'Content-Type': 'application/json',
      'X-HubSpot-Signature-v3': signV3(this.config.clientSecret(), 'POST', batch.url, body, timestamp),
      'X-HubSpot-Request-Timestamp': String(timestamp),
      'User-Agent': 'HubSpot Webhooks (throughline sandbox)',
    };
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await postOnce(batch.url, body, headers, this.config.timeoutMs);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const ok = status !== null && status >= 200 && status < 300;
    const retryable = !ok && (status === null || status >= 500);
    const nextAttempt = batch.attempt + 1;
    const willRetry = retryable && !this.stopped && nextAttempt < this.config.maxAttempts && nextAttempt <= this.config.retrySchedule.length;
    this.attempts.push({
      batchId: batch.id,
      attemptNumber: batch.attempt,
      url: batch.url,
      eventIds: events.map((e) => e.eventId),
      events,
      status,
      error,
      ok,
      willRetry,
      startedAt: timestamp,
      durationMs: Date.now() - timestamp,
    });
    if (willRetry) {
      const delay = this.config.retrySchedule[batch.attempt] ?? 0;
      const timer = setTimeout(() => {
        this.retryTimers.delete(timer);
        this.dispatch({ ...batch, attempt: nextAttempt });
      }, delay);
      timer.unref();
      this.retryTimers.add(timer);
    }
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && !this.flushTimer && this.inFlight === 0 && this.waiting.length === 0 && this.retryTimers.size === 0;
  }

  private checkIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves when nothing is queued, in flight or waiting to be retried. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  log(): DeliveryAttempt[] {
    return [...this.attempts];
  }

  clearLog(): void {
    this.attempts = [];
  }

  /** Forget everything pending (reset/stop). In-flight requests finish but are not retried. */
  cancelPending(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const t of this.retryTimers) clearTimeout(t);
    this.retryTimers.clear();
    this.queue = [];
    this.waiting = [];
    this.checkIdle();
  }

  stop(): void {
    this.stopped = true;
    this.cancelPending();
  }
}
