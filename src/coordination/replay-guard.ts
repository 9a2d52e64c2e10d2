import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Recognises an exact replay of a signed request (same signature, same timestamp) while its
 * timestamp is still accepted (±5 minutes): the signature check alone would let it through again.
 * HubSpot's own retries are new deliveries (new timestamp, new signature) and are not replays.
 *
 * Order in the receiver: verify the signature first (a forged request must not enter the set), then
 * `firstSighting`; if enqueueing then fails, `forget` it so HubSpot's redelivery is not refused.
 */
export interface ReplayGuard {
  /** True the first time this signature + timestamp is seen, false for a replay. */
  firstSighting(signature: string, timestamp: string, now: number): Promise<boolean>;
  forget(signature: string, timestamp: string): Promise<void>;
}

export const REPLAY_WINDOW_MS = 300_000;

/** The set key: a digest, so the set never holds a usable signature. */
export function replayKey(signature: string, timestamp: string): string {
  return createHash('sha256').update(`${timestamp}\n${signature}`).digest('base64url');
}

/** How long to remember: until the timestamp itself would be refused as stale (at least 1 ms). */
export function rememberForMs(timestamp: string, now: number, windowMs = REPLAY_WINDOW_MS): number {
  const sent = Number(timestamp);
  if (!Number.isFinite(sent)) return windowMs;
  return Math.max(1, sent + windowMs - now);
}

export function createMemoryReplayGuard(windowMs = REPLAY_WINDOW_MS): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    async firstSighting(signature, timestamp, now) {
      for (const [key, until] of seen) if (until <= now) seen.delete(key);
      const key = replayKey(signature, timestamp);
      if (seen.has(key)) return false;
      seen.set(key, now + rememberForMs(timestamp, now, windowMs));
      return true;
    },
    async forget(signature, timestamp) {
      seen.delete(replayKey(signature, timestamp));
    },
  };
}

/** The seen-set in Redis (SET NX PX per request), shared by every replica. */
export function createRedisReplayGuard(redis: Redis, prefix = 'throughline', windowMs = REPLAY_WINDOW_MS): ReplayGuard {
  const keyOf = (signature: string, timestamp: string) => `${prefix}:seen-request:${replayKey(signature, timestamp)}`;
  return {
    async firstSighting(signature, timestamp, now) {
      const set = await redis.set(keyOf(signature, timestamp), '1', 'PX', rememberForMs(timestamp, now, windowMs), 'NX');
      return set === 'OK';
    },
    async forget(signature, timestamp) {
      await redis.del(keyOf(signature, timestamp));
    },
  };
}
