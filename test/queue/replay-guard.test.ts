import { createMemoryReplayGuard, createRedisReplayGuard, rememberForMs, replayKey, type ReplayGuard } from '../../src/coordination/replay-guard';
import { describeWithRedis } from '../helpers/test-redis';

describe('replay key and memory span (pure)', () => {
  it('remembers a request until its timestamp would be refused as stale', () => {
    expect(rememberForMs('1000000', 1_000_000)).toBe(300_000);
    expect(rememberForMs('1000000', 1_200_000)).toBe(100_000);
    expect(rememberForMs('1300000', 1_000_000)).toBe(600_000); // a future timestamp lives longer
    expect(rememberForMs('1000000', 2_000_000)).toBe(1);
  });

  it('keys by signature and timestamp together, without keeping the signature', () => {
    expect(replayKey('sig', '1')).not.toBe(replayKey('sig', '2'));
    expect(replayKey('sig', '1')).not.toContain('sig');
  });
});

function replayContract(name: string, make: () => ReplayGuard) {
  describe(name, () => {
    it('recognises an exact replay, not a new delivery, and forgets on request', async () => {
      const guard = make();
      const now = Date.now();
      expect(await guard.firstSighting('abc=', String(now), now)).toBe(true);
      expect(await guard.firstSighting('abc=', String(now), now + 1000)).toBe(false);
      expect(await guard.firstSighting('abc=', String(now + 1), now + 1000)).toBe(true);
      expect(await guard.firstSighting('xyz=', String(now), now + 1000)).toBe(true);
      await guard.forget('abc=', String(now));
      expect(await guard.firstSighting('abc=', String(now), now + 2000)).toBe(true);
    });
  });
}

replayContract('the in-memory replay guard', () => createMemoryReplayGuard());

describe('the in-memory replay guard over time', () => {
  it('lets a request in again once its window has passed', async () => {
    const guard = createMemoryReplayGuard(1000);
    expect(await guard.firstSighting('s', '0', 0)).toBe(true);
    expect(await guard.firstSighting('s', '0', 999)).toBe(false);
    expect(await guard.firstSighting('s', '0', 1000)).toBe(true);
  });
});

describeWithRedis('the Redis replay guard', (redis) => {
  replayContract('shared by replicas', () => createRedisReplayGuard(redis.connect(), redis.prefix));

  it('sees a replay that reaches another replica', async () => {
    const a = createRedisReplayGuard(redis.connect(), redis.prefix);
    const b = createRedisReplayGuard(redis.connect(), redis.prefix);
    const now = Date.now();
    expect(await a.firstSighting('cross=', String(now), now)).toBe(true);
    expect(await b.firstSighting('cross=', String(now), now)).toBe(false);
  });
});
