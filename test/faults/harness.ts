import type { DestinationStream } from 'pino';
import { namesOf, seedOwners, type Names } from '../../scripts/lib/seed';
import { startStack, type Stack } from '../../scripts/lib/stack';
import type { SandboxOptions } from '@throughline/sandbox';
import type { ServiceOptions } from '../../src/service';

/**
 * scripts/lib/stack.ts with what fault tests need on top: a seeded PRNG, a longer webhook retry
 * schedule, and retries whose waits are recorded and compressed. The retry code still computes
 * every wait (Retry-After: 1 → 1,000 ms); the test only sleeps 1/50th of it, so a 30% 429 rate
 * costs milliseconds, not minutes.
 */
export interface FaultStack extends Stack {
  names: Names;
  /** Every wait the retry policy asked for, in ms (before compression). */
  retryWaits: number[];
}

export interface FaultStackOptions {
  seed?: number;
  /** Delays before webhook re-deliveries (HubSpot's is ~24 h). */
  webhookRetrySchedule?: number[];
  env?: Record<string, string>;
  logLevel?: string;
  logDestination?: DestinationStream;
  service?: ServiceOptions;
  sandbox?: Partial<SandboxOptions>;
  /** Provision the data model and seed owners before the service starts (default true). */
  provision?: boolean;
}

export const RETRY_TIME_SCALE = 50;

export async function startFaultStack(options: FaultStackOptions = {}): Promise<FaultStack> {
  const retryWaits: number[] = [];
  const retrySleep = (ms: number) => {
    retryWaits.push(ms);
    return new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(ms / RETRY_TIME_SCALE)));
  };
  const stack = await startStack({
    webhookRetrySchedule: options.webhookRetrySchedule ?? [20, 50, 100, 200, 400, 800],
    seed: options.seed ?? 1,
    ...(options.env ? { env: options.env } : {}),
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    ...(options.sandbox ? { sandbox: options.sandbox } : {}),
    service: { retrySleep, ...options.service, engine: { coolDownScale: 1 / RETRY_TIME_SCALE, ...options.service?.engine } },
  });
  if (options.provision ?? true) {
    await stack.provision();
    seedOwners(stack.sandbox);
  }
  return Object.assign(stack, { names: namesOf(stack.model), retryWaits }) as FaultStack;
}

/** Runs `job` until it completes, as the scheduler would at its next ticks; returns the result and the failures. */
export async function untilItSucceeds<T>(job: () => Promise<T>, attempts = 10): Promise<{ result: T; failures: unknown[] }> {
  const failures: unknown[] = [];
  for (let i = 0; i < attempts; i++) {
    try {
      return { result: await job(), failures };
    } catch (err) {
      failures.push(err);
    }
  }
  throw new Error(`still failing after ${attempts} attempts: ${String(failures.at(-1))}`);
}

/** Calendar arithmetic for fixtures, kept apart from src/dates. */
export function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
