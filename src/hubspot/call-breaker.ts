import CircuitBreaker from 'opossum';
import { HubSpotError, isApiException } from './errors';

/**
 * Timeouts and a circuit breaker for HubSpot calls (opossum). One breaker per process guards every
 * call: when most recent calls time out, answer 5xx or cannot connect, the circuit opens and calls
 * fail at once with a CircuitOpenError (not retryable, so withRetry does not wait on it); after
 * `resetMs` one trial call is let through (half open) and its outcome closes or re-opens it.
 *
 * Only outages count: a 4xx (400, 404, 409, and 429 — HubSpot answered, we are just over budget) is
 * HubSpot working and counts as a success for the circuit.
 *
 * A timed-out call is abandoned, not aborted: @hubspot/api-client 14 takes no AbortSignal per call.
 * Its late result is ignored; a create that landed anyway is found by createOnce before any re-create.
 *
 * Wiring: in CrmGateway.call, `withRetry(op, () => breaker.run(op, fn), policy)`, so each attempt
 * has its own timeout and the circuit sees every attempt.
 */

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CallBreakerSettings {
  /** HUBSPOT_TIMEOUT_MS */
  timeoutMs: number;
  /** HUBSPOT_CIRCUIT_RESET_MS */
  resetMs: number;
  /** Share of failed calls in the window that opens the circuit (default 50). */
  errorThresholdPercentage?: number;
  /** Calls in the window before the circuit may open at all (default 5). */
  volumeThreshold?: number;
  /** The rolling window the percentages are taken over (default 10 s). */
  windowMs?: number;
}

export interface HubSpotCallBreaker {
  run<T>(operation: string, call: () => Promise<T>): Promise<T>;
  readonly state: CircuitState;
  /** Called on every transition; returns an unsubscribe function. */
  onStateChange(listener: (state: CircuitState) => void): () => void;
  /** Stops the breaker's timers (shutdown, tests). */
  shutdown(): void;
}

export class CircuitOpenError extends HubSpotError {
  constructor(operation: string, resetMs: number) {
    super(
      0,
      `HubSpot calls are failing fast during ${operation}: after repeated timeouts, 5xx or connection failures the circuit is open; one trial call goes through every ${resetMs} ms. Check HubSpot's status and HUBSPOT_API_BASE_URL.`,
      undefined,
      {},
      operation,
    );
    this.name = 'CircuitOpenError';
  }

  override get isRetryable(): boolean {
    return false;
  }
}

/** Whether a failure says HubSpot is down or unreachable (true), rather than refusing this request. */
export function countsAsOutage(err: unknown): boolean {
  if (err instanceof CircuitOpenError) return false;
  const status = err instanceof HubSpotError ? err.status : isApiException(err) ? err.code : 0;
  return status === 0 || status >= 500;
}

type Call = () => Promise<unknown>;

export function createCallBreaker(settings: CallBreakerSettings): HubSpotCallBreaker {
  const breaker = new CircuitBreaker<[Call], unknown>((call: Call) => call(), {
    timeout: settings.timeoutMs,
    resetTimeout: settings.resetMs,
    errorThresholdPercentage: settings.errorThresholdPercentage ?? 50,
    volumeThreshold: settings.volumeThreshold ?? 5,
    rollingCountTimeout: settings.windowMs ?? 10_000,
    errorFilter: (err: unknown) => !countsAsOutage(err),
  });
  const listeners = new Set<(state: CircuitState) => void>();
  const emit = (state: CircuitState) => listeners.forEach((l) => l(state));
  breaker.on('open', () => emit('open'));
  breaker.on('halfOpen', () => emit('half_open'));
  breaker.on('close', () => emit('closed'));

  return {
    async run<T>(operation: string, call: () => Promise<T>): Promise<T> {
      try {
        return (await breaker.fire(call)) as T;
      } catch (err) {
        const code = (err as { code?: unknown } | null)?.code;
        if (code === 'EOPENBREAKER') throw new CircuitOpenError(operation, settings.resetMs);
        // opossum's own timeout (a socket's ETIMEDOUT carries another message and stays as it is).
        if (code === 'ETIMEDOUT' && String((err as Error).message).startsWith('Timed out after')) {
          throw new HubSpotError(
            0,
            `HubSpot did not answer ${operation} within ${settings.timeoutMs} ms (HUBSPOT_TIMEOUT_MS).`,
            { message: 'timeout' },
            {},
            operation,
          );
        }
        throw err;
      }
    },
    get state(): CircuitState {
      return breaker.opened ? 'open' : breaker.halfOpen ? 'half_open' : 'closed';
    },
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shutdown() {
      breaker.shutdown();
      listeners.clear();
    },
  };
}
