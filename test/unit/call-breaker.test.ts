import { CircuitOpenError, countsAsOutage, createCallBreaker, type CircuitState, type HubSpotCallBreaker } from '../../src/hubspot/call-breaker';
import { HubSpotError } from '../../src/hubspot/errors';
import { withRetry } from '../../src/hubspot/retry';
import { waitUntil } from '../helpers/wait-until';

const unavailable = () => Promise.reject({ code: 503, body: { message: 'Service Unavailable' } });
const notFound = () => Promise.reject({ code: 404, body: { message: 'Not Found' } });

describe('the HubSpot call breaker', () => {
  let breaker: HubSpotCallBreaker;
  const states: CircuitState[] = [];
  beforeEach(() => {
    states.length = 0;
    breaker = createCallBreaker({ timeoutMs: 200, resetMs: 150, volumeThreshold: 3, errorThresholdPercentage: 50 });
    breaker.onStateChange((s) => states.push(s));
  });
  afterEach(() => breaker.shutdown());

  it('counts only outages: timeouts, 5xx and unreachable, not 4xx or 429', () => {
    expect(countsAsOutage({ code: 503 })).toBe(true);
    expect(countsAsOutage(new Error('connect ECONNREFUSED'))).toBe(true);
    expect(countsAsOutage(new HubSpotError(0, 'timeout', undefined, {}, 'op'))).toBe(true);
    expect(countsAsOutage({ code: 404 })).toBe(false);
    expect(countsAsOutage({ code: 429 })).toBe(false);
    expect(countsAsOutage(new CircuitOpenError('op', 1))).toBe(false);
  });

  it('opens after repeated failures, fails fast without calling HubSpot, and closes when a trial call succeeds', async () => {
    for (let i = 0; i < 3; i++) await expect(breaker.run('deals read', unavailable)).rejects.toMatchObject({ code: 503 });
    expect(breaker.state).toBe('open');

    let called = 0;
    const call = async () => {
      called += 1;
      return 'ok';
    };
    const fast = breaker.run('deals read', call);
    await expect(fast).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(fast).rejects.toThrow(/failing fast during deals read/);
    expect(called).toBe(0);

    await waitUntil(() => breaker.state === 'half_open', 'the circuit lets a trial call through');
    await expect(breaker.run('deals read', call)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['open', 'half_open', 'closed']);
  });

  it('stays closed when HubSpot answers with 4xx, however many', async () => {
    for (let i = 0; i < 6; i++) await expect(breaker.run('deal read', notFound)).rejects.toMatchObject({ code: 404 });
    expect(breaker.state).toBe('closed');
  });

  it('turns a call that takes too long into a retryable HubSpotError naming HUBSPOT_TIMEOUT_MS', async () => {
    const err = await breaker.run('search deals', () => new Promise(() => undefined)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubSpotError);
    expect((err as HubSpotError).isRetryable).toBe(true);
    expect((err as HubSpotError).message).toMatch(/did not answer search deals within 200 ms \(HUBSPOT_TIMEOUT_MS\)/);
  });

  it('is not retried by withRetry while open, so callers fail at once', async () => {
    for (let i = 0; i < 3; i++) await breaker.run('x', unavailable).catch(() => undefined);
    const waits: number[] = [];
    const attempt = withRetry('deals read', () => breaker.run('deals read', async () => 'never'), {
      retries: 3,
      baseMs: 1000,
      sleep: async (ms) => void waits.push(ms),
    });
    await expect(attempt).rejects.toBeInstanceOf(CircuitOpenError);
    expect(waits).toEqual([]);
  });
});
