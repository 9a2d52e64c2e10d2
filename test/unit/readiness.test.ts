import { decideReadiness } from '../../src/readiness/decide-readiness';
import { createWebhookVerdictWindow } from '../../src/readiness/webhook-verdicts';

const quiet = { seen: 0, refused: 0, reasons: {} };

describe('readiness', () => {
  it('is ready when HubSpot answers, the queue has room and webhooks verify', () => {
    const r = decideReadiness({ circuit: 'closed', queue: { depth: 3, maxDepth: 1000 }, webhooks: { seen: 5, refused: 1, reasons: { bad_signature: 1 } } });
    expect(r).toEqual({ ready: true, reasons: [], gauges: { circuit_open: 0, queue_depth: 3, queue_max_depth: 1000, webhook_signature_refusals: 1 } });
  });

  it('is not ready while the circuit is open or half open, and says HubSpot is unreachable', () => {
    for (const circuit of ['open', 'half_open'] as const) {
      const r = decideReadiness({ circuit, webhooks: quiet });
      expect(r.ready).toBe(false);
      expect(r.reasons).toEqual([{ check: 'hubspot', message: expect.stringMatching(/^HubSpot is unreachable: the circuit is (half )?open/) }]);
      expect(r.gauges.circuit_open).toBe(1);
    }
  });

  it('is not ready when the queue reaches its limit, naming QUEUE_MAX_DEPTH', () => {
    const r = decideReadiness({ circuit: 'closed', queue: { depth: 1000, maxDepth: 1000 }, webhooks: quiet });
    expect(r.reasons).toEqual([{ check: 'queue', message: 'The work queue is saturated: 1000 jobs waiting, limit 1000 (QUEUE_MAX_DEPTH).' }]);
  });

  it('is not ready when every recent webhook was refused, with the reason and what to check', () => {
    const window = createWebhookVerdictWindow({ size: 10, windowMs: 60_000 });
    for (let i = 0; i < 4; i++) window.record({ ok: false, reason: 'bad_signature' }, 1000 + i);
    window.record({ ok: false, reason: 'stale_timestamp' }, 1010);
    const r = decideReadiness({ circuit: 'closed', webhooks: window.summary(2000) });
    expect(r.ready).toBe(false);
    expect(r.reasons[0]!.check).toBe('webhook_signatures');
    expect(r.reasons[0]!.message).toBe(
      'Every recent webhook (5) was refused for its signature: bad_signature ×4, stale_timestamp ×1; check that HUBSPOT_CLIENT_SECRET is the app’s client secret and PUBLIC_BASE_URL is the URL HubSpot calls.',
    );
  });

  it('does not call a single refused probe, or refusals among accepted webhooks, an outage', () => {
    const window = createWebhookVerdictWindow();
    window.record({ ok: false, reason: 'missing_signature' }, 0);
    expect(decideReadiness({ circuit: 'closed', webhooks: window.summary(1) }).ready).toBe(true);
    window.record({ ok: false, reason: 'bad_signature' }, 1);
    window.record({ ok: true }, 2);
    window.record({ ok: false, reason: 'bad_signature' }, 3);
    expect(decideReadiness({ circuit: 'closed', webhooks: window.summary(4) }).ready).toBe(true);
  });

  it('forgets verdicts older than the window and keeps only the most recent ones', () => {
    const window = createWebhookVerdictWindow({ size: 3, windowMs: 1000 });
    window.record({ ok: true }, 0);
    for (let i = 1; i <= 3; i++) window.record({ ok: false, reason: 'bad_signature' }, i);
    expect(window.summary(10)).toEqual({ seen: 3, refused: 3, reasons: { bad_signature: 3 } });
    expect(window.summary(2000)).toEqual({ seen: 0, refused: 0, reasons: {} });
  });
});
