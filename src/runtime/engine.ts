import type { Redis } from 'ioredis';
import type { Config } from '../config';
import { alwaysLeader, type LeaderLock } from '../coordination/leader-lock';
import { connectRedis } from '../coordination/redis-connection';
import { createRedisLeaderLock } from '../coordination/redis-leader-lock';
import { createMemoryReplayGuard, createRedisReplayGuard, type ReplayGuard } from '../coordination/replay-guard';
import { createCallBreaker, type HubSpotCallBreaker } from '../hubspot/call-breaker';
import { createMemoryRateBudget, createRedisRateBudget, type RateBudget, type RateBudgetSettings } from '../hubspot/rate-budget';
import type { Logger } from '../logger';
import { createBullMqWorkQueue } from '../queue/bullmq-work-queue';
import { createMemoryWorkQueue } from '../queue/memory-work-queue';
import { objectKeyOf } from '../queue/object-key';
import type { WorkQueue, WorkQueueSettings } from '../queue/work-queue';
import type { HubSpotEvent } from '../webhooks/events';

/**
 * What runs the work past one request, chosen once per process by REDIS_URL:
 * - unset (in-process): the HubSpot budget and the replay set in memory, this process always the
 *   scheduler's leader, and no queue: the receiver processes a batch before answering, as before;
 * - set (Redis): one budget, one replay set and one scheduler leader for every replica, and the
 *   BullMQ queue between the receiver and the workers.
 * The breaker (timeouts, circuit) is per process either way: each replica judges its own calls.
 */
export interface Engine {
  mode: 'in-process' | 'redis';
  budget: RateBudget;
  breaker: HubSpotCallBreaker;
  replayGuard: ReplayGuard;
  leaderLock: LeaderLock;
  /** Undefined in-process unless `queue: 'memory'` was asked for (tests run the queue path without Redis). */
  queue: WorkQueue<HubSpotEvent> | undefined;
  /** Stops the workers (running jobs finish), the leader lock, the budget, the breaker and Redis. */
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Key prefix in Redis (default `throughline`); tests give each run its own. */
  redisPrefix?: string;
  /** In-process only: put webhook batches on the in-memory queue instead of processing them in the request. */
  queue?: 'memory';
  /** Lease of a key's job and of the scheduler's leadership, and BullMQ's job lock (tests shorten them). */
  leaseTtlMs?: number;
  leaderTtlMs?: number;
  jobLockMs?: number;
  /** Tests that compress retry waits compress the 429 cool-down alike (default 1). */
  coolDownScale?: number;
}

/** The budget with its cool-downs scaled (tests only; 1 in production). */
function scaledCoolDowns(budget: RateBudget, scale: number | undefined): RateBudget {
  if (!scale || scale === 1) return budget;
  return { ...budget, coolDown: (ms, kind) => budget.coolDown(ms * scale, kind) };
}

export const queueSettingsFrom = (config: Config): WorkQueueSettings => ({
  concurrency: config.QUEUE_CONCURRENCY,
  batchSize: config.QUEUE_BATCH_SIZE,
  attempts: config.QUEUE_ATTEMPTS,
  backoffMs: config.QUEUE_BACKOFF_MS,
  coalesceMs: config.QUEUE_COALESCE_MS,
});

const budgetSettingsFrom = (config: Config): RateBudgetSettings => ({
  requestsPer10s: config.HUBSPOT_REQUESTS_PER_10S,
  searchesPerSecond: config.HUBSPOT_SEARCHES_PER_SECOND,
});

export function createEngine(config: Config, logger: Logger, options: EngineOptions = {}): Engine {
  const breaker = createCallBreaker({ timeoutMs: config.HUBSPOT_TIMEOUT_MS, resetMs: config.HUBSPOT_CIRCUIT_RESET_MS });
  breaker.onStateChange((state) => logger[state === 'open' ? 'error' : 'warn']({ circuit: state }, `HubSpot circuit ${state.replace('_', ' ')}`));
  if (!config.REDIS_URL) {
    const queue = options.queue === 'memory' ? createMemoryWorkQueue(objectKeyOf, queueSettingsFrom(config)) : undefined;
    const budget = scaledCoolDowns(createMemoryRateBudget(budgetSettingsFrom(config)), options.coolDownScale);
    return {
      mode: 'in-process',
      budget,
      breaker,
      replayGuard: createMemoryReplayGuard(),
      leaderLock: alwaysLeader(),
      queue,
      async close() {
        await queue?.close();
        budget.close();
        breaker.shutdown();
      },
    };
  }
  const prefix = options.redisPrefix ?? 'throughline';
  const onError = (what: string) => (err: unknown) => logger.warn({ err }, `Redis (${what}): ${err instanceof Error ? err.message : String(err)}`);
  const commands: Redis = connectRedis(config.REDIS_URL, 'commands');
  const connection: Redis = connectRedis(config.REDIS_URL, 'worker');
  commands.on('error', onError('commands'));
  connection.on('error', onError('queue'));
  const budget = scaledCoolDowns(createRedisRateBudget(commands, budgetSettingsFrom(config), prefix), options.coolDownScale);
  const leaderLock = createRedisLeaderLock({ redis: commands, name: 'scheduler', prefix, ttlMs: options.leaderTtlMs, onError: onError('leader lock') });
  const queue = createBullMqWorkQueue(objectKeyOf, queueSettingsFrom(config), {
    connection,
    commands,
    prefix,
    ...(options.leaseTtlMs ? { leaseTtlMs: options.leaseTtlMs } : {}),
    ...(options.jobLockMs ? { jobLockMs: options.jobLockMs, stalledCheckMs: options.jobLockMs } : {}),
    onError: onError('queue worker'),
  });
  return {
    mode: 'redis',
    budget,
    breaker,
    replayGuard: createRedisReplayGuard(commands, prefix),
    leaderLock,
    queue,
    async close() {
      await queue.close();
      await leaderLock.stop();
      budget.close();
      breaker.shutdown();
      await Promise.all([commands, connection].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
