import type { Redis } from 'ioredis';

/**
 * The per-key pending lists behind the BullMQ queue's coalescing (Lua, so each step is atomic):
 * - park: append a batch's events for a key to `pending:<key>` and claim `scheduled:<key>`; the
 *   caller adds a job only when the claim is new, so a key has at most one job waiting to start.
 *   The claim expires (`claimTtlMs`) so a producer that died between claim and add cannot strand a
 *   key: the next batch adds a job again (a spare job finds nothing and completes).
 * - take: when a job starts (holding the key's lease), move `pending:<key>` onto `taken:<jobId>`
 *   and drop the claim, so later events start a new job. The job's events live on in `taken:<jobId>`
 *   across its retries, a crash (BullMQ re-runs a stalled job) and the failed set, until `done`.
 */

const PARK = `
for i = 1, #ARGV - 1 do redis.call('RPUSH', KEYS[1], ARGV[i]) end
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[#ARGV]) then return 1 end
return 0`;

const TAKE = `
local moved = redis.call('LRANGE', KEYS[1], 0, -1)
for _, item in ipairs(moved) do redis.call('RPUSH', KEYS[3], item) end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('PEXPIRE', KEYS[3], ARGV[1])
return redis.call('LRANGE', KEYS[3], 0, -1)`;

export interface PendingEvents {
  /** True when the caller must add a job for `key`. */
  park(key: string, events: readonly unknown[]): Promise<boolean>;
  take<E>(key: string, jobId: string): Promise<E[]>;
  count(jobId: string): Promise<number>;
  done(jobId: string): Promise<void>;
}

export function pendingEvents(redis: Redis, prefix: string, options: { claimTtlMs: number; keepTakenMs?: number }): PendingEvents {
  const keepTakenMs = options.keepTakenMs ?? 14 * 86_400_000;
  const pending = (key: string) => `${prefix}:pending:${key}`;
  const scheduled = (key: string) => `${prefix}:scheduled:${key}`;
  const taken = (jobId: string) => `${prefix}:taken:${jobId}`;
  return {
    async park(key, events) {
      const args = [...events.map((e) => JSON.stringify(e)), String(options.claimTtlMs)];
      return Number(await redis.eval(PARK, 2, pending(key), scheduled(key), ...args)) === 1;
    },
    async take<E>(key: string, jobId: string) {
      const items = (await redis.eval(TAKE, 3, pending(key), scheduled(key), taken(jobId), String(keepTakenMs))) as string[];
      return items.map((item) => JSON.parse(item) as E);
    },
    count: (jobId) => redis.llen(taken(jobId)),
    async done(jobId) {
      await redis.del(taken(jobId));
    },
  };
}
