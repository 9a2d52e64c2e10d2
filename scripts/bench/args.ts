/**
 * `npm run bench -- [flags]`. Defaults are the full spec; every flag shortens or narrows it.
 */
export const PARTS = ['gate', 'renewals', 'provision', 'load'] as const;
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
  out: string;
  help: boolean;
}

export const USAGE = `npm run bench -- [flags]
  --only gate,renewals,provision,load   parts to run (default: all)
  --latency-ms 50                       simulated HubSpot latency per API call
  --sizes 1,10,100                      gate batch sizes
  --reps 1:50,10:30,100:20              Throughline repetitions per size (p50/p99)
  --naive-reps 1:20,10:5,100:3          naive-baseline repetitions per size
  --contracts 1000,10000,50000          renewal scan sizes
  --load-seconds 60                     load test duration
  --load-rate 1000                      events per second in the load test
  --load-runtime compiled|tsx           how the service child runs (default compiled)
  --out bench/results.json              where the JSON results go
  --quick                               smoke run: sizes 1,10,100 x 3 reps, naive x1, contracts 1000, load 10 s`;

const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

function numbers(flag: string, v: string): number[] {
  const out = list(v).map(Number);
  if (!out.length || out.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`${flag} takes positive whole numbers separated by commas, got "${v}"`);
  return out;
}

function perSize(flag: string, v: string): Record<number, number> {
  const out: Record<number, number> = {};
  for (const item of list(v)) {
    const [size, reps] = item.split(':').map(Number);
    if (!Number.isInteger(size) || !Number.isInteger(reps) || size! <= 0 || reps! <= 0) throw new Error(`${flag} takes size:reps pairs, e.g. 1:50,100:20; got "${item}"`);
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
    out: 'bench/results.json',
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--only': {
        const parts = list(value());
        const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
        if (unknown.length) throw new Error(`--only: unknown part(s) ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
        args.only = parts as Part[];
        break;
      }
      case '--latency-ms': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0) throw new Error('--latency-ms takes a whole number ≥ 0');
        args.latencyMs = n;
        break;
      }
      case '--sizes':
        args.sizes = numbers(name, value());
        break;
      case '--reps':
        args.reps = { ...args.reps, ...perSize(name, value()) };
        break;
      case '--naive-reps':
        args.naiveReps = { ...args.naiveReps, ...perSize(name, value()) };
        break;
      case '--contracts':
        args.contracts = numbers(name, value());
        break;
      case '--load-seconds':
        args.loadSeconds = numbers(name, value())[0]!;
        break;
      case '--load-rate':
        args.loadRate = numbers(name, value())[0]!;
        break;
      case '--load-runtime': {
        const v = value();
        if (v !== 'compiled' && v !== 'tsx') throw new Error('--load-runtime is compiled or tsx');
        args.loadRuntime = v;
        break;
      }
      case '--out':
        args.out = value();
        break;
      case '--quick':
        args.reps = { 1: 3, 10: 3, 100: 3 };
        args.naiveReps = { 1: 1, 10: 1, 100: 1 };
        args.contracts = [1_000];
        args.loadSeconds = 10;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  return args;
}

export const repsFor = (table: Record<number, number>, size: number, fallback: number) => table[size] ?? fallback;
