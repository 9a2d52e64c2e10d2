import type { BenchArgs } from './args';
import type { GateResult } from './gate';
import type { LoadResult } from './load';
import type { ProvisionResult } from './provision';
import type { RenewalResult } from './renewals';
import type { ReplicaResult } from './replicas';

/** What one run measured: bench/results.json and the printed report. */
export interface BenchResults {
  startedAt: string;
  durationMs: number;
  machine: { node: string; cpus: number; cpuModel: string; memoryGb: number; platform: string };
  args: BenchArgs;
  gate?: GateResult;
  renewals?: RenewalResult;
  provision?: ProvisionResult;
  load?: LoadResult;
  replicas?: ReplicaResult;
}
