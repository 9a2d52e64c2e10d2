import { createMemoryWorkQueue } from '../../src/queue/memory-work-queue';
import { groupByKey, retryDelayMs } from '../../src/queue/work-queue';
import { keyOf, workQueueContract } from './work-queue.contract';

describe('the in-memory work queue (no REDIS_URL)', () => {
  workQueueContract({ make: (settings) => createMemoryWorkQueue(keyOf, settings) });
});

describe('queue arithmetic (pure)', () => {
  it('backs off exponentially from the base, as BullMQ does', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 2000))).toEqual([2000, 4000, 8000, 16000]);
  });

  it('groups events by key in order and counts those without one', () => {
    const { groups, unkeyed } = groupByKey(
      [
        { key: 'a', n: 1 },
        { key: '', n: 2 },
        { key: 'a', n: 3 },
      ],
      keyOf,
    );
    expect([...groups]).toEqual([
      [
        'a',
        [
          { key: 'a', n: 1 },
          { key: 'a', n: 3 },
        ],
      ],
    ]);
    expect(unkeyed).toBe(1);
  });
});
