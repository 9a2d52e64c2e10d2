import { createMemoryWorkQueue } from '../../src/queue/memory-work-queue';
import { runQueueCommand } from '../../src/queue/queue-command';
import { describeAge, describeRedisUrl, renderFailedJobs, renderQueueStatus } from '../../src/queue/render-queue';
import type { FailedJob, QueueStatus } from '../../src/queue/work-queue';
import { waitUntil } from '../helpers/wait-until';

const NOW = 1_800_000_000_000;
const status = (s: Partial<QueueStatus>): QueueStatus => ({ waiting: 0, delayed: 0, active: 0, failed: 0, depth: 0, ...s });
const job = (id: string, ageMs: number, reason: string): FailedJob => ({ id, key: '0-3:42', events: 3, attempts: 5, reason, failedAt: NOW - ageMs });

describe('queue status rendering (pure)', () => {
  it('says how many jobs are where, and when nothing failed', () => {
    expect(renderQueueStatus(status({ waiting: 3, delayed: 1, active: 2, depth: 4 }), 'redis://cache:6379')).toBe(
      'Queue (redis://cache:6379): 3 waiting, 1 delayed, 2 running, 0 failed. Nothing has failed.',
    );
  });

  it('lists failed jobs with key, events, attempts, age and the reason on one line, and how to replay them', () => {
    const text = renderFailedJobs([job('17', 120_000, 'HubSpot failed with 503\nduring deals read'), job('9', 3 * 86_400_000, '')], 12, NOW);
    expect(text.split('\n')).toEqual([
      'Failed jobs (the 2 most recent of 12):',
      '  17  0-3:42  3 events, 5 attempts, failed 2 min ago: HubSpot failed with 503 during deals read',
      '  9  0-3:42  3 events, 5 attempts, failed 3 days ago: no reason recorded',
      'Replay them with `npm run queue -- retry` (all) or `npm run queue -- retry <id> …`.',
    ]);
  });

  it('names the Redis it reads without the password in REDIS_URL', () => {
    expect(describeRedisUrl('rediss://default:s3cret@cache.example.com:6380/2')).toBe('rediss://cache.example.com:6380/2');
  });

  it('describes ages in the largest unit that fits', () => {
    expect([5_000, 90_000, 3 * 3_600_000, 50 * 3_600_000].map(describeAge)).toEqual(['5 s ago', '2 min ago', '3 h ago', '2 days ago']);
  });
});

describe('npm run queue -- status | retry', () => {
  it('shows the failed set and replays it, through the WorkQueue interface', async () => {
    const queue = createMemoryWorkQueue((e: { key: string }) => e.key, { concurrency: 1, batchSize: 1, attempts: 1, backoffMs: 0, coalesceMs: 0 });
    let broken = true;
    queue.startWorkers(async () => {
      if (broken) throw new Error('HubSpot could not be reached');
    });
    await queue.enqueue([{ key: '0-3:1' }]);
    await waitUntil(async () => (await queue.status()).failed === 1, 'the job fails');

    const shown = await runQueueCommand(['status'], queue, 'in memory', Date.now());
    expect(shown.exitCode).toBe(0);
    expect(shown.output).toMatch(
      /^Queue \(in memory\): 0 waiting, 0 delayed, 0 running, 1 failed\.\nFailed jobs:\n {2}1 {2}0-3:1 {2}1 event, 1 attempt, failed \d+ s ago: HubSpot could not be reached\n/,
    );

    expect(await runQueueCommand(['retry', '99'], queue, 'in memory', Date.now())).toEqual({
      output: 'Replaying 0 failed jobs; 1 id matched no failed job.',
      exitCode: 1,
    });
    broken = false;
    expect(await runQueueCommand(['retry'], queue, 'in memory', Date.now())).toEqual({ output: 'Replaying 1 failed job.', exitCode: 0 });
    await queue.whenIdle();
    expect((await runQueueCommand(['status'], queue, 'in memory', Date.now())).output).toMatch(/0 failed\. Nothing has failed\.$/);
    await queue.close();
  });

  it('refuses an unknown command in one line with exit 2', async () => {
    const queue = createMemoryWorkQueue((e: { key: string }) => e.key, { concurrency: 1, batchSize: 1, attempts: 1, backoffMs: 0, coalesceMs: 0 });
    const r = await runQueueCommand(['purge'], queue, 'in memory', NOW);
    expect(r.exitCode).toBe(2);
    expect(r.output).not.toContain('\n');
  });
});
