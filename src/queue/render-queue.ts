import type { FailedJob, QueueStatus } from './work-queue';

/** What `npm run queue -- status` prints (pure: the caller passes the time). */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
}

export function renderQueueStatus(status: QueueStatus, where: string): string {
  return (
    `Queue (${where}): ${status.waiting} waiting, ${status.delayed} delayed, ${status.active} running, ${status.failed} failed.` +
    (status.failed ? '' : ' Nothing has failed.')
  );
}

const oneLine = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function renderFailedJobs(failed: FailedJob[], total: number, now: number): string {
  if (!failed.length) return '';
  const lines = [`Failed jobs${total > failed.length ? ` (the ${failed.length} most recent of ${total})` : ''}:`];
  for (const job of failed) {
    lines.push(
      `  ${job.id}  ${job.key}  ${plural(job.events, 'event')}, ${plural(job.attempts, 'attempt')}, failed ${describeAge(now - job.failedAt)}: ${oneLine(job.reason || 'no reason recorded')}`,
    );
  }
  lines.push('Replay them with `npm run queue -- retry` (all) or `npm run queue -- retry <id> …`.');
  return lines.join('\n');
}

export function renderRetried(asked: string[] | undefined, retried: number): string {
  if (!asked) return retried ? `Replaying ${plural(retried, 'failed job')}.` : 'No failed jobs to replay.';
  const missed = asked.length - retried;
  return `Replaying ${plural(retried, 'failed job')}${missed ? `; ${plural(missed, 'id')} matched no failed job` : ''}.`;
}

/** Where the queue is, for the status line, without the password a REDIS_URL may carry. */
export function describeRedisUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname.length > 1 ? u.pathname : ''}`;
}
