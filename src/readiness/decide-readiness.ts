import type { CircuitState } from '../hubspot/call-breaker';
import type { VerdictSummary } from './webhook-verdicts';

/**
 * /readyz as a pure decision: not ready when HubSpot is unreachable (the circuit is not closed),
 * the queue is saturated, or every recent webhook was refused for its signature. Each reason says
 * what to check. `gauges` are the same signals as numbers, for /metrics.
 */

export interface ReadinessInputs {
  circuit: CircuitState;
  /** Jobs waiting (not running) against QUEUE_MAX_DEPTH; absent when there is no queue. */
  queue?: { depth: number; maxDepth: number };
  webhooks: VerdictSummary;
  /** Refusals needed before "all refused" counts (default 3): one stray probe is not an outage. */
  minRefusals?: number;
}

export type ReadinessCheck = 'hubspot' | 'queue' | 'webhook_signatures';

export interface Readiness {
  ready: boolean;
  reasons: Array<{ check: ReadinessCheck; message: string }>;
  gauges: { circuit_open: number; queue_depth: number; queue_max_depth: number; webhook_signature_refusals: number };
}

const SIGNATURE_HINTS: Record<string, string> = {
  bad_signature: 'check that HUBSPOT_CLIENT_SECRET is the app’s client secret and PUBLIC_BASE_URL is the URL HubSpot calls',
  stale_timestamp: 'check this machine’s clock (NTP), or whether something in front delays or replays requests',
  future_timestamp: 'check this machine’s clock (NTP)',
  malformed_timestamp: 'something in front of the service rewrites the X-HubSpot-Request-Timestamp header',
  missing_signature: 'the requests do not come from HubSpot, or a proxy strips the X-HubSpot-Signature-v3 header',
  missing_timestamp: 'the requests do not come from HubSpot, or a proxy strips the X-HubSpot-Request-Timestamp header',
};

export function decideReadiness(inputs: ReadinessInputs): Readiness {
  const reasons: Readiness['reasons'] = [];
  if (inputs.circuit !== 'closed') {
    reasons.push({
      check: 'hubspot',
      message: `HubSpot is unreachable: the circuit is ${inputs.circuit === 'open' ? 'open (calls fail fast)' : 'half open (a trial call is deciding)'} after repeated timeouts, 5xx or connection failures.`,
    });
  }
  if (inputs.queue && inputs.queue.depth >= inputs.queue.maxDepth) {
    reasons.push({
      check: 'queue',
      message: `The work queue is saturated: ${inputs.queue.depth} jobs waiting, limit ${inputs.queue.maxDepth} (QUEUE_MAX_DEPTH).`,
    });
  }
  const { seen, refused, reasons: why } = inputs.webhooks;
  if (seen >= (inputs.minRefusals ?? 3) && refused === seen) {
    const [top] = Object.entries(why).sort((a, b) => b[1] - a[1]);
    const counts = Object.entries(why)
      .map(([reason, n]) => `${reason} ×${n}`)
      .join(', ');
    reasons.push({
      check: 'webhook_signatures',
      message: `Every recent webhook (${seen}) was refused for its signature: ${counts}; ${SIGNATURE_HINTS[top?.[0] ?? ''] ?? 'check HUBSPOT_CLIENT_SECRET'}.`,
    });
  }
  return {
    ready: reasons.length === 0,
    reasons,
    gauges: {
      circuit_open: inputs.circuit === 'closed' ? 0 : 1,
      queue_depth: inputs.queue?.depth ?? 0,
      queue_max_depth: inputs.queue?.maxDepth ?? 0,
      webhook_signature_refusals: refused,
    },
  };
}
