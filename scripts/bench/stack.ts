import { loadModel, type Model } from '../../src/model';
import type { ApplySummary, Plan } from '../../src/provisioning';
import { startSandbox, type FaultOptions, type Sandbox } from '@throughline/sandbox';
import { provisionWith, standInConfig, startStack, type Stack } from '../lib/stack';
import { CallLog } from './call-log';

/**
 * scripts/lib/stack.ts for benchmarks: the same stand-in and real service, plus the gateway's call
 * observer (so calls can be attributed to operations) and no webhook subscriptions on the stand-in
 * (benchmarks send their own signed batches and time them; the stand-in echoing the service's own
 * writes back would only add noise — the service skips those without a HubSpot call anyway).
 */
export interface BenchStack extends Stack {
  log: CallLog;
}

export async function startBenchSandbox(faults: FaultOptions = {}): Promise<{ sandbox: Sandbox; model: Model }> {
  const model = loadModel('schemas');
  const sandbox = await startSandbox({ port: 0, subscriptions: [], faults, webhookBatchDelayMs: 20, webhookRetrySchedule: [20, 50, 100] });
  return { sandbox, model };
}

/** Provisions a bare stand-in with the real provisioning code. */
export function provisionPortal(sandbox: Sandbox, model: Model): Promise<{ plan: Plan; summary: ApplySummary }> {
  return provisionWith(standInConfig(sandbox), model);
}

export async function startBenchStack(options: { faults?: FaultOptions; now?: () => Date } = {}): Promise<BenchStack> {
  const log = new CallLog();
  const stack = await startStack({
    sandbox: { subscriptions: [], webhookRetrySchedule: [20, 50, 100], ...(options.faults ? { faults: options.faults } : {}) },
    service: { observe: log.observe },
    ...(options.now ? { now: options.now } : {}),
  });
  return Object.assign(stack, { log });
}

/** Names the custom object type ids in the call log once the portal is provisioned. */
export async function nameCustomTypes(stack: BenchStack): Promise<void> {
  const types = await stack.service.runtime.portalTypes();
  stack.log.nameTypes(Object.fromEntries(Object.entries(types.roleOf).map(([id, role]) => [id, role])));
}
