import { performance } from 'node:perf_hooks';
import type { ApplySummary, PlanSummary } from '../../src/provisioning';
import { countsRecord } from './call-log';
import { provisionPortal, startBenchSandbox } from './stack';

/**
 * Provisioning on a fresh portal (the stand-in as started: no custom objects, HubSpot's own deal
 * properties), then again on the portal it left: read portal → plan → apply, with the same
 * simulated latency. The second apply must write nothing.
 */
export interface ProvisionRun {
  wallMs: number;
  calls: ReturnType<typeof countsRecord>;
  plan: PlanSummary;
  applied: ApplySummary;
}

export interface ProvisionResult {
  latencyMs: number;
  fresh: ProvisionRun;
  reapply: ProvisionRun;
}

export async function runProvisionBench(o: { latencyMs: number }): Promise<ProvisionResult> {
  const { sandbox, model } = await startBenchSandbox({ latencyMs: o.latencyMs });
  try {
    const run = async (): Promise<ProvisionRun> => {
      sandbox.resetCounters();
      const started = performance.now();
      const { plan, summary } = await provisionPortal(sandbox, model);
      return { wallMs: performance.now() - started, calls: countsRecord(sandbox.calls()), plan: plan.summary, applied: summary };
    };
    const fresh = await run();
    const reapply = await run();
    return { latencyMs: o.latencyMs, fresh, reapply };
  } finally {
    await sandbox.stop();
  }
}
