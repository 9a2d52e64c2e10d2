import type { Redis } from 'ioredis';

/**
 * A lease in Redis with a fencing token: SET NX PX, owner-checked renew and release (Lua, so a
 * holder whose lease expired can never renew or delete the next holder's). Tokens come from one
 * counter (`<prefix>:fence`), so each new lease on any key has a higher token than every earlier
 * one: a stale holder is recognisable by its lower token.
 */

export interface Lease {
  key: string;
  owner: string;
  token: number;
}

const ACQUIRE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. token, 'PX', ARGV[2])
return token`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const value = (lease: Lease) => `${lease.owner}|${lease.token}`;

export async function acquireLease(redis: Redis, key: string, owner: string, ttlMs: number, prefix: string): Promise<Lease | undefined> {
  const token = Number(await redis.eval(ACQUIRE, 2, key, `${prefix}:fence`, owner, String(ttlMs)));
  return token > 0 ? { key, owner, token } : undefined;
}

/** True when the lease was still ours and now lasts `ttlMs` more. */
export async function renewLease(redis: Redis, lease: Lease, ttlMs: number): Promise<boolean> {
  return Number(await redis.eval(RENEW, 1, lease.key, value(lease), String(ttlMs))) === 1;
}

export async function releaseLease(redis: Redis, lease: Lease): Promise<boolean> {
  return Number(await redis.eval(RELEASE, 1, lease.key, value(lease))) === 1;
}

export interface HeldLease extends Lease {
  /** Aborted when a renewal fails (lease taken over, or Redis unreachable): stop before writing. */
  signal: AbortSignal;
  /** Not aborted, and the last successful renewal was sent less than ttl ago (a stalled loop cannot hold on). */
  holds(): boolean;
  release(): Promise<void>;
}

/**
 * Acquires `key` and keeps renewing it every ttl/3 until released. A renewal that fails or errors
 * aborts `signal` at once: the holder must assume another has the lease from then on.
 */
export async function holdLease(
  redis: Redis,
  key: string,
  options: { owner: string; ttlMs: number; prefix: string; onLost?: (err?: unknown) => void },
): Promise<HeldLease | undefined> {
  const lease = await acquireLease(redis, key, options.owner, options.ttlMs, options.prefix);
  if (!lease) return undefined;
  const lost = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let validUntil = Date.now() + options.ttlMs;
  const lose = (err?: unknown) => {
    if (lost.signal.aborted) return;
    lost.abort(err ?? new Error(`lease ${key} was lost`));
    options.onLost?.(err);
  };
  const renew = () => {
    timer = setTimeout(
      () => {
        const sentAt = Date.now();
        renewLease(redis, lease, options.ttlMs).then(
          (ok) => {
            if (!ok) return lose();
            validUntil = sentAt + options.ttlMs;
            if (!lost.signal.aborted) renew();
          },
          (err: unknown) => lose(err),
        );
      },
      Math.max(1, Math.floor(options.ttlMs / 3)),
    );
  };
  renew();
  return {
    ...lease,
    signal: lost.signal,
    holds: () => !lost.signal.aborted && Date.now() < validUntil,
    async release() {
      clearTimeout(timer);
      const wasHeld = !lost.signal.aborted;
      lost.abort(new Error(`lease ${key} was released`));
      if (wasHeld) await releaseLease(redis, lease).catch(() => undefined);
    },
  };
}
