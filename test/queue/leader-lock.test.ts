import { alwaysLeader } from '../../src/coordination/leader-lock';
import { createRedisLeaderLock } from '../../src/coordination/redis-leader-lock';
import { acquireLease, releaseLease, renewLease } from '../../src/coordination/redis-lease';
import { describeWithRedis } from '../helpers/test-redis';
import { waitUntil } from '../helpers/wait-until';

describe('the in-process leader lock', () => {
  it('always leads: one process runs the scheduler as today', async () => {
    const lock = alwaysLeader();
    await lock.start();
    expect(lock.isLeader()).toBe(true);
  });
});

describeWithRedis('leases and the leader lock in Redis', (redis) => {
  it('grants a lease to one owner at a time, with a higher fencing token each time', async () => {
    const r = redis.connect();
    const key = `${redis.prefix}:lease:deal:1`;
    const a = await acquireLease(r, key, 'a', 5_000, redis.prefix);
    expect(a).toBeDefined();
    expect(await acquireLease(r, key, 'b', 5_000, redis.prefix)).toBeUndefined();
    expect(await renewLease(r, { ...a!, owner: 'b' }, 5_000)).toBe(false);
    expect(await releaseLease(r, { ...a!, token: a!.token + 1 })).toBe(false);
    expect(await releaseLease(r, a!)).toBe(true);
    const b = await acquireLease(r, key, 'b', 5_000, redis.prefix);
    expect(b!.token).toBeGreaterThan(a!.token);
    expect(await renewLease(r, a!, 5_000)).toBe(false);
  });

  it('makes exactly one of two contenders leader, and the other takes over when the winner dies', async () => {
    const settings = { name: 'scheduler', prefix: redis.prefix, ttlMs: 600, retryEveryMs: 100 };
    const connA = redis.connect();
    const a = createRedisLeaderLock({ ...settings, redis: connA, owner: 'replica-a' });
    const b = createRedisLeaderLock({ ...settings, redis: redis.connect(), owner: 'replica-b' });
    let both = 0;
    const watch = setInterval(() => (a.isLeader() && b.isLeader() ? both++ : undefined), 5);
    try {
      await Promise.all([a.start(), b.start()]);
      await waitUntil(() => a.isLeader() || b.isLeader(), 'one contender leads');
      const [winner, other, winnerConn] = a.isLeader() ? [a, b, connA] : [b, a, undefined];
      expect(other.isLeader()).toBe(false);
      const firstToken = winner.fencingToken!;

      // The winner "dies": its connection goes, so it cannot renew (and never releases).
      if (winnerConn) winnerConn.disconnect();
      else await b.stop();
      await waitUntil(() => other.isLeader(), 'the other contender takes over', 5_000);
      expect(winner.isLeader()).toBe(false);
      expect(other.fencingToken).toBeGreaterThan(firstToken);
      expect(both).toBe(0);
    } finally {
      clearInterval(watch);
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('hands leadership over at once when the leader stops', async () => {
    const settings = { name: 'handover', prefix: redis.prefix, ttlMs: 60_000, retryEveryMs: 50 };
    const a = createRedisLeaderLock({ ...settings, redis: redis.connect() });
    const b = createRedisLeaderLock({ ...settings, redis: redis.connect() });
    const changes: boolean[] = [];
    a.onChange((leader) => changes.push(leader));
    await a.start();
    await b.start();
    expect(a.isLeader()).toBe(true);
    expect(b.isLeader()).toBe(false);
    await a.stop();
    await waitUntil(() => b.isLeader(), 'the follower leads well before the 60 s ttl');
    expect(changes).toEqual([true, false]);
    await b.stop();
  });
});
