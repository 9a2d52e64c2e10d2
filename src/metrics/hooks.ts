import type { GateRun } from '../gate/gate-service';
import type { SweepResult } from '../gate/sweep';
import type { CallObserver } from '../hubspot/crm-gateway';
import { callOutcome, operationLabel, type Metrics } from './metrics';

/** The gateway's `observe` hook: one count per HTTP attempt, and every 429. */
export function hubSpotCallObserver(metrics: Metrics): CallObserver {
  return (operation, outcome, status) => {
    metrics.hubspotCalls.inc({ operation: operationLabel(operation), outcome: callOutcome(outcome, status) });
    if (status === 429) metrics.hubspotRateLimited.inc();
  };
}

/** Several observers as one (the runtime's own and a test's, say). */
export function combineObservers(...observers: Array<CallObserver | undefined>): CallObserver | undefined {
  const present = observers.filter((o): o is CallObserver => !!o);
  if (present.length <= 1) return present[0];
  return (operation, outcome, status) => {
    for (const o of present) o(operation, outcome, status);
  };
}

export function recordGateRun(metrics: Metrics, run: Pick<GateRun, 'decisions'>): void {
  for (const d of run.decisions) {
    metrics.gateDecisions.inc({ action: d.action, status: d.action === 'skip' ? d.reason : d.evaluation.status });
  }
}

export function recordSweep(metrics: Metrics, result: SweepResult): void {
  if (result.reverted) metrics.sweepDeals.inc({ result: 'reverted' }, result.reverted);
  if (result.passed) metrics.sweepDeals.inc({ result: 'passed' }, result.passed);
  if (result.skipped) metrics.sweepDeals.inc({ result: 'skipped' }, result.skipped);
}

/** Wraps a scheduled job's run with its duration, outcome and last-success time. */
export function timedJob<T>(metrics: Metrics, job: string, run: () => Promise<T>, onSuccess?: (result: T, seconds: number) => void): () => Promise<T> {
  return async () => {
    const end = metrics.jobDuration.startTimer({ job });
    try {
      const result = await run();
      const seconds = end({ outcome: 'ok' });
      metrics.jobLastSuccess.set({ job }, Date.now() / 1000);
      onSuccess?.(result, seconds);
      return result;
    } catch (err) {
      end({ outcome: 'error' });
      throw err;
    }
  };
}
