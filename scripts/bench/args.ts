import { helpText, readScriptArgs, type ScriptSpec } from '../../src/cli/script-args';

/**
 * `npm run bench -- [flags]`. Defaults are the full spec; every flag shortens or narrows it.
 */
export const PARTS = ['gate', 'renewals', 'provision', 'load', 'replicas'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchArgs {
  only: Part[];
  /** Simulated HubSpot API latency (sandbox `latencyMs`) for gate, renewals, provisioning, load. */
  latencyMs: number;
  /** Gate batch sizes. */
  sizes: number[];
  /** Measured repetitions per batch size (Throughline), e.g. {1: 50, 10: 30, 100: 20}. */
  reps: Record<number, number>;
  /** Repetitions of the naive baseline per size (it is slow: ~30 s per 100-event batch at 50 ms). */
  naiveReps: Record<number, number>;
  contracts: number[];
  loadSeconds: number;
  /** Events per second the load generator sends (in batches of 100 every 100 ms at 1,000/s). */
  loadRate: number;
  /** `compiled` builds src/ with tsc and runs node on it (like `npm start`); `tsx` skips the build. */
  loadRuntime: 'compiled' | 'tsx';
  /** Two-replica part: deals closed (one batch a second), seconds of sending, latency per call. */
  replicaDeals: number;
  replicaSeconds: number;
  replicaLatencyMs: number;
  out: string;
  help: boolean;
}

export const SPEC = {
  synopsis: 'npm run bench -- [options]',
  description: `Measures HubSpot calls and answer times against the local stand-in; prints a table and writes
the JSON results. Defaults are the full run (several minutes); every option shortens or narrows
it. Needs no HubSpot account. See docs/performance.md.`,
  options: {
    only: { type: 'string', value: 'gate,renewals,provision,load,replicas', description: 'parts to run (default: all)' },
    'latency-ms': { type: 'string', value: '50', description: 'simulated HubSpot latency per API call' },
    sizes: { type: 'string', value: '1,10,100', description: 'gate batch sizes' },
    reps: { type: 'string', value: '1:50,10:30,100:20', description: 'Throughline repetitions per size (p50/p99)' },
    'naive-reps': { type: 'string', value: '1:20,10:5,100:3', description: 'naive-baseline repetitions per size' },
    contracts: { type: 'string', value: '1000,10000,50000', description: 'renewal scan sizes' },
    'load-seconds': { type: 'string', value: '60', description: 'load test duration' },
    'load-rate': { type: 'string', value: '1000', description: 'events per second in the load test' },
    'load-runtime': { type: 'string', value: 'compiled|tsx', description: 'how the service child runs (default compiled)' },
    'replica-deals': { type: 'string', value: '300', description: 'two-replica part: deals closed, one batch a second' },
    'replica-seconds': { type: 'string', value: '60', description: 'two-replica part: seconds of sending (the kill -9 is halfway)' },
    'replica-latency-ms': { type: 'string', value: '300', description: 'two-replica part: simulated latency per API call' },
    out: { type: 'string', value: 'bench/results.json', description: 'where the JSON results go' },
    quick: {
      type: 'boolean',
      description: 'smoke run: sizes 1,10,100 x 3 reps, naive x1, contracts 1000, load 10 s, 40 replica deals in 20 s (other options still apply)',
    },
  },
} satisfies ScriptSpec;

export const USAGE = helpText(SPEC);

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function numbers(flag: string, v: string): number[] {
  const out = list(v).map(Number);
  if (!out.length || out.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`${flag} takes positive whole numbers separated by commas, got "${v}"`);
  return out;
}

function perSize(flag: string, v: string): Record<number, number> {
  const out: Record<number, number> = {};
  for (const item of list(v)) {
    const [size, reps] = item.split(':').map(Number);
    if (!Number.isInteger(size) || !Number.isInteger(reps) || size! <= 0 || reps! <= 0)
      throw new Error(`${flag} takes size:reps pairs, e.g. 1:50,100:20; got "${item}"`);
    out[size!] = reps!;
  }
  return out;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    only: [...PARTS],
    latencyMs: 50,
    sizes: [1, 10, 100],
    reps: { 1: 50, 10: 30, 100: 20 },
    naiveReps: { 1: 20, 10: 5, 100: 3 },
    contracts: [1_000, 10_000, 50_000],
    loadSeconds: 60,
    loadRate: 1_000,
    loadRuntime: 'compiled',
    replicaDeals: 300,
    replicaSeconds: 60,
    replicaLatencyMs: 300,
    out: 'bench/results.json',
    help: false,
  };
  const r = readScriptArgs(SPEC, argv);
  if (r.kind === 'help') return { ...args, help: true };
  if (r.kind === 'error') throw new Error(r.line);
  const v = r.values;
  if (v.quick) {
    args.reps = { 1: 3, 10: 3, 100: 3 };
    args.naiveReps = { 1: 1, 10: 1, 100: 1 };
    args.contracts = [1_000];
    args.loadSeconds = 10;
    args.replicaDeals = 40;
    args.replicaSeconds = 20;
  }
  if (v.only !== undefined) {
    const parts = list(v.only);
    const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
    if (unknown.length) throw new Error(`--only: unknown part(s) ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
    args.only = parts as Part[];
  }
  if (v['latency-ms'] !== undefined) {
    const n = Number(v['latency-ms']);
    if (!Number.isInteger(n) || n < 0) throw new Error('--latency-ms takes a whole number ≥ 0');
    args.latencyMs = n;
  }
  if (v.sizes !== undefined) args.sizes = numbers('--sizes', v.sizes);
  if (v.reps !== undefined) args.reps = { ...args.reps, ...perSize('--reps', v.reps) };
  if (v['naive-reps'] !== undefined) args.naiveReps = { ...args.naiveReps, ...perSize('--naive-reps', v['naive-reps']) };
  if (v.contracts !== undefined) args.contracts = numbers('--contracts', v.contracts);
  if (v['load-seconds'] !== undefined) args.loadSeconds = numbers('--load-seconds', v['load-seconds'])[0]!;
  if (v['load-rate'] !== undefined) args.loadRate = numbers('--load-rate', v['load-rate'])[0]!;
  if (v['load-runtime'] !== undefined) {
    if (v['load-runtime'] !== 'compiled' && v['load-runtime'] !== 'tsx') throw new Error('--load-runtime is compiled or tsx');
    args.loadRuntime = v['load-runtime'];
  }
  if (v['replica-deals'] !== undefined) args.replicaDeals = numbers('--replica-deals', v['replica-deals'])[0]!;
  if (v['replica-seconds'] !== undefined) args.replicaSeconds = numbers('--replica-seconds', v['replica-seconds'])[0]!;
  if (v['replica-latency-ms'] !== undefined) {
    const n = Number(v['replica-latency-ms']);
    if (!Number.isInteger(n) || n < 0) throw new Error('--replica-latency-ms takes a whole number ≥ 0');
    args.replicaLatencyMs = n;
  }
  if (v.out !== undefined) args.out = v.out;
  return args;
}

export const repsFor = (table: Record<number, number>, size: number, fallback: number) => table[size] ?? fallback;
