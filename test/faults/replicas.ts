import type { Sandbox } from '@throughline/sandbox';
import { OWNERS } from '../../scripts/lib/seed';
import { startService, type RunningService, type ServiceOptions } from '../../src/service';
import { hubspotEvent, signV3 } from '../helpers/sign';
import { RETRY_TIME_SCALE, type FaultStack } from './harness';

/**
 * More replicas of the service beside a fault stack's own: each its own runtime (caches, locks,
 * breaker, budget), the same stand-in and configuration — two processes as far as the code can tell.
 */
export async function startReplica(stack: FaultStack, options: ServiceOptions = {}): Promise<RunningService> {
  return startService(stack.config, stack.logger, {
    port: 0,
    host: '127.0.0.1',
    model: stack.model,
    retrySleep: (ms) => new Promise((r) => setTimeout(r, Math.ceil(ms / RETRY_TIME_SCALE))),
    ...options,
    engine: { coolDownScale: 1 / RETRY_TIME_SCALE, ...options.engine },
  });
}

export async function postBatch(serviceUrl: string, secret: string, events: unknown[]): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const url = `${serviceUrl}/webhooks/hubspot`;
  const body = JSON.stringify(events);
  const started = Date.now();
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signV3({ url, body, secret }) } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, ms: Date.now() - started };
}

/** The dealstage events a rep's move to Closed Won sends, one per deal. */
export function closedWonEvents(sandbox: Sandbox, appId: string, dealIds: string[], firstEventId = 700_000): Array<Record<string, unknown>> {
  return stageEvents(sandbox, appId, dealIds, 'closedwon', firstEventId);
}

/** The dealstage events a rep's move into `stage` sends, one per deal. */
export function stageEvents(sandbox: Sandbox, appId: string, dealIds: string[], stage: string, firstEventId: number): Array<Record<string, unknown>> {
  return dealIds.map((id, n) =>
    hubspotEvent({
      eventId: firstEventId + n,
      objectId: Number(id),
      propertyValue: stage,
      changeSource: 'CRM_UI',
      sourceId: `userId:${OWNERS.rep.userId}`,
      portalId: sandbox.portalId,
      appId: Number(appId),
      occurredAt: Date.now(),
    }),
  );
}

/** Open close-gate tasks by deal, read from the stand-in's own store (the body ends with the deal id). */
export function openGateTasksByDeal(sandbox: Sandbox): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of sandbox.listObjects('tasks')) {
    const m = / Deal (\d+)\.<\/p>$/.exec(t.properties.hs_task_body ?? '');
    if (m && t.properties.hs_task_status !== 'COMPLETED') out.set(m[1]!, (out.get(m[1]!) ?? 0) + 1);
  }
  return out;
}

/** Open renewal reminders by their key line. */
export function openRemindersByKey(sandbox: Sandbox): Map<string, number> {
  return new Map([...openTasksByKey(sandbox, 'reminder-key')].filter(([, n]) => n > 0));
}

/** Open tasks by the key line they end with (`<label>:<key>`, task-key-marker.ts); every key seen, 0 when none is open. */
export function openTasksByKey(sandbox: Sandbox, label: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of sandbox.listObjects('tasks')) {
    const key = new RegExp(`${label}:(\\S+?)<`).exec(t.properties.hs_task_body ?? '')?.[1];
    if (key) out.set(key, (out.get(key) ?? 0) + (t.properties.hs_task_status !== 'COMPLETED' ? 1 : 0));
  }
  return out;
}
