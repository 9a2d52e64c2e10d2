import { createJobBatcher } from '../../src/queue/job-batcher';
import { gate, waitUntil } from '../helpers/wait-until';

describe('the job batcher (jobs a worker took, run as batches)', () => {
  it('starts a full batch at once, and a partial one after the linger', async () => {
    const batches: number[][] = [];
    const batcher = createJobBatcher<number>({ size: 3, concurrency: 2, lingerMs: 60_000, run: async (items) => void batches.push(items) });
    const full = [1, 2, 3].map((n) => batcher.submit(n));
    await Promise.all(full);
    expect(batches).toEqual([[1, 2, 3]]);

    const quick = createJobBatcher<number>({ size: 3, concurrency: 2, lingerMs: 20, run: async (items) => void batches.push(items) });
    await Promise.all([quick.submit(4), quick.submit(5)]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('runs no more than `concurrency` batches; jobs taken meanwhile start as full batches after', async () => {
    const held = gate();
    const batches: number[][] = [];
    let running = 0;
    let most = 0;
    const batcher = createJobBatcher<number>({
      size: 2,
      concurrency: 1,
      lingerMs: 0,
      run: async (items) => {
        batches.push(items);
        most = Math.max(most, ++running);
        if (items.includes(1)) await held.promise;
        running -= 1;
      },
    });
    const all = [batcher.submit(1)];
    await waitUntil(() => batches.length === 1, 'the first batch runs');
    all.push(...[2, 3, 4].map((n) => batcher.submit(n)));
    held.open();
    await Promise.all(all);
    expect(batches).toEqual([[1], [2, 3], [4]]);
    expect(most).toBe(1);
  });

  it('rejects every job of a failed batch with its error, and keeps running later ones', async () => {
    let fail = true;
    const batcher = createJobBatcher<string>({
      size: 2,
      concurrency: 1,
      lingerMs: 0,
      run: async () => {
        if (fail) throw new Error('HubSpot failed with 503');
      },
    });
    const outcomes = await Promise.allSettled([batcher.submit('a'), batcher.submit('b')]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'ok'))).toEqual(['HubSpot failed with 503', 'HubSpot failed with 503']);
    fail = false;
    await expect(batcher.submit('c')).resolves.toBeUndefined();
  });
});
