import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { USAGE, parseArgs, repsFor, type BenchArgs } from './args';
import type { BenchResults } from './bench-results';
import type { HubSpotClient } from './hubspot-client';
import { runGateBench } from './gate';
import { runLoadBench } from './load';
import { runProvisionBench } from './provision';
import { runRenewalBench } from './renewals';
import { runReplicaBench } from './replicas';
import { renderReport } from './report';

export async function runBench(argv: string[], deps: { makeClient: (basePath: string, accessToken: string) => HubSpotClient }): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const started = Date.now();
  const progress = (line: string) => process.stderr.write(`[bench +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      platform: `${process.platform} ${process.arch}`,
    },
    args,
  };

  if (args.only.includes('gate')) {
    progress('gate: starting');
    results.gate = await runGateBench({
      sizes: args.sizes,
      reps: (size) => repsFor(args.reps, size, 10),
      naiveReps: (size) => repsFor(args.naiveReps, size, 1),
      latencyMs: args.latencyMs,
      makeClient: deps.makeClient,
      progress,
    });
  }
  if (args.only.includes('renewals')) {
    progress('renewals: starting');
    results.renewals = await runRenewalBench({ sizes: args.contracts, latencyMs: args.latencyMs, progress });
  }
  if (args.only.includes('provision')) {
    progress('provision: starting');
    results.provision = await runProvisionBench({ latencyMs: args.latencyMs });
  }
  if (args.only.includes('load')) {
    progress('load: starting');
    results.load = await runLoadBench({ seconds: args.loadSeconds, rate: args.loadRate, latencyMs: args.latencyMs, runtime: args.loadRuntime, progress });
  }

  if (args.only.includes('replicas')) {
    progress('replicas: starting');
    results.replicas = await runReplicaBench({
      deals: args.replicaDeals,
      seconds: args.replicaSeconds,
      latencyMs: args.replicaLatencyMs,
      runtime: args.loadRuntime,
      progress,
    });
  }

  results.durationMs = Date.now() - started;
  process.stdout.write(renderReport(results));
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  progress(`wrote ${args.out}; total ${(results.durationMs / 1000).toFixed(0)} s`);
  return 0;
}
