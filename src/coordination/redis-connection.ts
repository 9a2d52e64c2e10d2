import { Redis } from 'ioredis';

/**
 * Redis connections. Two kinds, because they must fail differently:
 * - `worker`: BullMQ's (blocking reads; BullMQ requires maxRetriesPerRequest null and reconnects forever);
 * - `commands`: leases, the leader lock, the budget, the replay set. A command that cannot reach
 *   Redis must fail within `commandTimeoutMs`, so a leader that lost Redis stops leading instead
 *   of waiting on a renewal that never returns.
 */
export type RedisPurpose = 'worker' | 'commands';

export function connectRedis(url: string, purpose: RedisPurpose, options: { name?: string; commandTimeoutMs?: number } = {}): Redis {
  const connectionName = `throughline:${options.name ?? purpose}`;
  if (purpose === 'worker') return new Redis(url, { connectionName, maxRetriesPerRequest: null });
  return new Redis(url, {
    connectionName,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}
