import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * The counting behind the HubSpot budget: a sliding log per limit (the start time of every call in
 * the last window), so no window of `windowMs` — anywhere, not only on fixed boundaries — holds more
 * than `limit` starts. A call of several limits (a search counts as a search and as a request) is
 * taken from all of them at once or from none. A cool-down key per limit holds every caller.
 */

export interface Limit {
  key: string;
  limit: number;
  windowMs: number;
}

export interface SlidingLogStore {
  /** 0 when a start was recorded in every log; else how long to wait before asking again (ms). */
  take(limits: Limit[]): Promise<number>;
  /** Every taker of `key` waits at least `ms` from now (a longer cool-down already running stays). */
  coolDown(key: string, ms: number): Promise<void>;
}

export function memorySlidingLog(clock: () => number = Date.now): SlidingLogStore {
  const logs = new Map<string, number[]>();
  const coolUntil = new Map<string, number>();
  return {
    async take(limits) {
      const now = clock();
      let wait = 0;
      for (const l of limits) {
        wait = Math.max(wait, (coolUntil.get(l.key) ?? 0) - now);
        const log = (logs.get(l.key) ?? []).filter((t) => t > now - l.windowMs);
        logs.set(l.key, log);
        if (log.length >= l.limit) wait = Math.max(wait, log[log.length - l.limit]! + l.windowMs - now + 1);
      }
      if (wait > 0) return wait;
      for (const l of limits) logs.get(l.key)!.push(now);
      return 0;
    },
    async coolDown(key, ms) {
      coolUntil.set(key, Math.max(coolUntil.get(key) ?? 0, clock() + ms));
    },
  };
}

// Redis's own clock (TIME), so replicas whose clocks differ still share one timeline.
// KEYS: per limit its log then its cool-down key. ARGV: a unique member, then limit, window per limit.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
local n = #KEYS / 2
for i = 1, n do
  local log, cool = KEYS[2 * i - 1], KEYS[2 * i]
  local limit, window = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  local pttl = redis.call('PTTL', cool)
  if pttl > wait then wait = pttl end
  redis.call('ZREMRANGEBYSCORE', log, '-inf', now - window)
  if redis.call('ZCARD', log) >= limit then
    local first = redis.call('ZRANGE', log, -limit, -limit, 'WITHSCORES')
    local w = tonumber(first[2]) + window - now + 1
    if w > wait then wait = w end
  end
end
if wait > 0 then return wait end
for i = 1, n do
  redis.call('ZADD', KEYS[2 * i - 1], now, ARGV[1] .. ':' .. i)
  redis.call('PEXPIRE', KEYS[2 * i - 1], tonumber(ARGV[2 * i + 1]))
end
return 0`;

const COOL_DOWN = `
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1`;

export function redisSlidingLog(redis: Redis, prefix: string): SlidingLogStore {
  const logKey = (key: string) => `${prefix}:log:${key}`;
  const coolKey = (key: string) => `${prefix}:cool:${key}`;
  return {
    async take(limits) {
      const keys = limits.flatMap((l) => [logKey(l.key), coolKey(l.key)]);
      const args = [randomUUID(), ...limits.flatMap((l) => [String(l.limit), String(l.windowMs)])];
      return Number(await redis.eval(TAKE, keys.length, ...keys, ...args));
    },
    async coolDown(key, ms) {
      await redis.eval(COOL_DOWN, 1, coolKey(key), String(Math.max(1, Math.ceil(ms))));
    },
  };
}
