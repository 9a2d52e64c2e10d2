import { KeyedLock } from '../../src/concurrency/keyed-lock';
import { SearchThrottle } from '../../src/hubspot/search-throttle';

describe('KeyedLock', () => {
  it('serialises holders of the same key and lets other keys run', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    let releaseFirst!: () => void;
    const gate = new Promise<void>((r) => (releaseFirst = r));
    const first = lock.run(['deal:1', 'deal:2'], async () => {
      log.push('first start');
      await gate;
      log.push('first end');
    });
    const second = lock.run(['deal:2'], async () => void log.push('second'));
    const other = lock.run(['deal:3'], async () => void log.push('other'));
    await other;
    expect(log).toEqual(['first start', 'other']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(log).toEqual(['first start', 'other', 'first end', 'second']);
    expect(lock.size).toBe(0);
  });

  it('releases keys when the work throws', async () => {
    const lock = new KeyedLock();
    await expect(lock.run(['a'], async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run(['a'], async () => 'ok')).resolves.toBe('ok');
  });
});

describe('SearchThrottle', () => {
  it('starts at most N searches in any rolling second', async () => {
    let clock = 0;
    const waits: number[] = [];
    const throttle = new SearchThrottle(
      4,
      () => clock,
      async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    );
    const starts: number[] = [];
    for (let i = 0; i < 10; i++) {
      await throttle.acquire();
      starts.push(clock);
    }
    for (let i = 4; i < starts.length; i++) expect(starts[i]! - starts[i - 4]!).toBeGreaterThanOrEqual(1000);
    expect(waits.length).toBeGreaterThan(0);
  });
});
