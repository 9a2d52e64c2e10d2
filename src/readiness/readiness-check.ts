import type { ReadinessReport } from '../http/app';
import type { CircuitState } from '../hubspot/call-breaker';
import type { QueueStatus } from '../queue/work-queue';
import { decideReadiness, type Readiness } from './decide-readiness';
import type { WebhookVerdictWindow } from './webhook-verdicts';

/**
 * /readyz for the service: HubSpot reachable with the token and the portal provisioned (a real
 * call, cached), and the live signals decideReadiness judges — the circuit, the queue's depth and
 * the recent webhook signatures — read on every request, so a circuit that opens or a run of
 * refused signatures shows at once.
 */

export interface ReadinessDeps {
  /** Reads what the service needs from HubSpot (the portal's types, the pipelines); throws when it cannot. */
  probeHubSpot: () => Promise<{ customObjects: number }>;
  circuit: () => CircuitState;
  queue?: { status: () => Promise<QueueStatus>; maxDepth: number } | undefined;
  verdicts: WebhookVerdictWindow;
  cacheMs?: number;
  now?: () => number;
}

/** The live signals alone (also what /metrics exposes). */
export async function liveReadiness(deps: Pick<ReadinessDeps, 'circuit' | 'queue' | 'verdicts' | 'now'>): Promise<Readiness> {
  const queue = deps.queue ? { depth: (await deps.queue.status()).depth, maxDepth: deps.queue.maxDepth } : undefined;
  return decideReadiness({ circuit: deps.circuit(), ...(queue ? { queue } : {}), webhooks: deps.verdicts.summary((deps.now ?? Date.now)()) });
}

export function readinessCheck(deps: ReadinessDeps): () => Promise<ReadinessReport> {
  const cacheMs = deps.cacheMs ?? 30_000;
  let last: { at: number; hubspot: unknown; customObjects?: number } | undefined;
  const probe = async (fresh = false) => {
    if (!fresh && last && Date.now() - last.at < cacheMs) return last;
    try {
      const { customObjects } = await deps.probeHubSpot();
      last = { at: Date.now(), hubspot: 'ok', customObjects };
    } catch (err) {
      last = { at: Date.now(), hubspot: err instanceof Error ? err.message : String(err) };
    }
    return last;
  };
  const live = () =>
    liveReadiness(deps).catch((err: unknown) => ({
      ready: false,
      reasons: [{ check: 'queue' as const, message: `The work queue cannot be read: ${err instanceof Error ? err.message : String(err)}. Check REDIS_URL.` }],
    }));
  return async () => {
    // Half open: the probe is the trial call that closes the circuit (or opens it again).
    const trial = deps.circuit() === 'half_open' ? await probe(true) : undefined;
    const now = await live();
    // Open: answer at once, without waiting on a call that fails fast anyway.
    const probed = deps.circuit() === 'open' ? undefined : (trial ?? (await probe()));
    const hubspotOk = probed?.hubspot === 'ok';
    const checks: Record<string, unknown> = {
      config: 'ok',
      hubspot: probed ? probed.hubspot : (now.reasons.find((r) => r.check === 'hubspot')?.message ?? 'unreachable'),
      ...(probed?.customObjects !== undefined ? { customObjects: probed.customObjects } : {}),
      circuit: deps.circuit(),
    };
    for (const r of now.reasons) if (r.check !== 'hubspot') checks[r.check] = r.message;
    return { ok: now.ready && hubspotOk, checks };
  };
}
