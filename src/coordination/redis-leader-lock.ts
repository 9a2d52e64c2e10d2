import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { LeaderLock } from './leader-lock';
import { holdLease, type HeldLease } from './redis-lease';

export interface RedisLeaderLockOptions {
  redis: Redis;
  /** What is led, e.g. "scheduler": the key is `<prefix>:leader:<name>`. */
  name: string;
  prefix?: string;
  /** How long leadership lasts without renewal (default 15 s): a dead leader is replaced within it. */
  ttlMs?: number;
  /** How often a follower tries to take over (default ttl/3). */
  retryEveryMs?: number;
  /** This contender's id in Redis (default host-independent UUID). */
  owner?: string;
  onError?: (err: unknown) => void;
}

/**
 * A leader lock on a Redis lease (SET NX PX, renewed every ttl/3, fencing token). Leadership is
 * lost the moment one renewal fails or errors — before the key can expire and a follower win —
 * so two replicas never both believe they lead (as long as clocks run at the same rate).
 */
export function createRedisLeaderLock(options: RedisLeaderLockOptions): LeaderLock {
  const ttlMs = options.ttlMs ?? 15_000;
  const retryEveryMs = options.retryEveryMs ?? Math.max(1, Math.floor(ttlMs / 3));
  const prefix = options.prefix ?? 'throughline';
  const key = `${prefix}:leader:${options.name}`;
  const owner = options.owner ?? randomUUID();
  const listeners = new Set<(leader: boolean) => void>();
  let held: HeldLease | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const emit = (leader: boolean) => listeners.forEach((l) => l(leader));

  async function contend(): Promise<void> {
    if (stopped || held) return;
    try {
      const lease = await holdLease(options.redis, key, {
        owner,
        ttlMs,
        prefix,
        onLost: (err) => {
          held = undefined;
          if (err) options.onError?.(err);
          emit(false);
          schedule();
        },
      });
      if (!lease) return schedule();
      if (stopped) return void (await lease.release());
      held = lease;
      emit(true);
    } catch (err) {
      options.onError?.(err);
      schedule();
    }
  }

  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void contend(), retryEveryMs);
  }

  return {
    start: () => contend(),
    isLeader: () => !!held?.holds(),
    get fencingToken() {
      return held?.token;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      const lease = held;
      held = undefined;
      if (lease) {
        await lease.release();
        emit(false);
      }
    },
  };
}
