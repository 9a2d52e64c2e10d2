import type { ScriptSpec } from '../cli/script-args';
import { renderFailedJobs, renderQueueStatus, renderRetried } from './render-queue';
import type { WorkQueue } from './work-queue';

/**
 * `npm run queue -- status | retry [<id> …]` without its I/O: the script parses its arguments with
 * QUEUE_SCRIPT (src/cli/script-args.ts), opens the queue and prints `output`, exiting with `exitCode`.
 */
export const QUEUE_SCRIPT: ScriptSpec = {
  synopsis: 'npm run queue -- status | retry [<jobId> …]',
  description:
    'status: jobs waiting, delayed, running and failed, and the most recent failures with their reason. ' +
    'retry: runs failed jobs again from attempt 1 (every failed job, or the ids given). ' +
    'Reads REDIS_URL: without it the queue lives inside the service process and there is nothing to show. Exit 0; 1 when a given id matched no failed job; 2 on bad arguments.',
  positionals: { min: 1, max: 101 },
};

export type QueueCommandQueue = Pick<WorkQueue<unknown>, 'status' | 'failed' | 'retryFailed'>;

export interface QueueCommandResult {
  output: string;
  exitCode: number;
}

export async function runQueueCommand(positionals: string[], queue: QueueCommandQueue, where: string, now: number, limit = 20): Promise<QueueCommandResult> {
  const [command, ...ids] = positionals;
  if (command === 'status' && ids.length === 0) {
    const status = await queue.status();
    const failed = status.failed ? await queue.failed(limit) : [];
    const text = [renderQueueStatus(status, where), renderFailedJobs(failed, status.failed, now)].filter(Boolean).join('\n');
    return { output: text, exitCode: 0 };
  }
  if (command === 'retry') {
    const asked = ids.length ? [...new Set(ids)] : undefined;
    const retried = await queue.retryFailed(asked);
    return { output: renderRetried(asked, retried), exitCode: asked && retried < asked.length ? 1 : 0 };
  }
  return {
    output: `Unknown queue command "${positionals.join(' ')}": use \`npm run queue -- status\` or \`npm run queue -- retry [<jobId> …]\`.`,
    exitCode: 2,
  };
}
