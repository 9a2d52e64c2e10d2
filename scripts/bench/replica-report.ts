import type { ModeResult, ReplicaResult } from './replicas';
import { ms, seconds } from './stats';

/** The two-replica part of the stdout report: both modes side by side, one row per figure. */
export function replicaRows(r: Exclude<ReplicaResult, { skipped: string }>): { title: string; head: string[]; rows: string[][] } {
  const both = (f: (m: ModeResult) => string | number) => [String(f(r.single)), String(f(r.replicas))];
  const rows: Array<[string, ...string[]]> = [
    ['service processes', ...both((m) => m.processes)],
    ['webhook deliveries (to both at once)', ...both((m) => `${m.answers.deliveries} (${m.answers.doubled})`)],
    ['200 answers p50 / p99 (max)', ...both((m) => `${ms(m.answers.p50)} / ${ms(m.answers.p99)} (${ms(m.answers.max)})`)],
    [
      'failed deliveries: non-200, network; re-delivered, given up',
      ...both((m) => `${JSON.stringify(m.answers.non200)}, ${m.answers.networkErrors}; ${m.answers.redelivered}, ${m.answers.undelivered}`),
    ],
    [
      'kill -9 of the first replica at (jobs queued or running then)',
      ...both((m) => (m.killedAtS !== undefined ? `${m.killedAtS} s (${m.backlogAtKill ?? '?'})` : '—')),
    ],
    ['HubSpot calls at the stand-in', ...both((m) => m.hubspot.calls)],
    ['max calls in any 10 s (answered, not 429)', ...both((m) => `${m.hubspot.maxPer10s} (${m.hubspot.maxAnsweredPer10s})`)],
    [
      '429s: rolling limit / injected; create answers lost',
      ...both((m) => `${m.hubspot.rollingLimit429} / ${m.hubspot.injected429}; ${m.hubspot.answersLost}`),
    ],
    ['deals decided right (blocked, passed)', ...both((m) => `${m.decisions.right}/${m.decisions.deals} (${m.decisions.blocked}, ${m.decisions.passed})`)],
    ['lost decisions (left in Closed Won)', ...both((m) => m.decisions.lost)],
    [
      'duplicate tasks / reminders / statuses',
      ...both((m) => `${m.decisions.duplicates.tasks} / ${m.decisions.duplicates.reminders} / ${m.decisions.duplicates.statuses}`),
    ],
    ['renewal reminders (keys, open)', ...both((m) => `${m.decisions.reminders.keys}, ${m.decisions.reminders.open}`)],
    ['catch-up after the last answer', ...both((m) => (m.catchUpMs === null ? 'not within 600 s' : seconds(m.catchUpMs)))],
    ['failed jobs left', ...both((m) => (m.failedJobs !== undefined ? m.failedJobs : '—'))],
  ];
  return {
    title: `Two replicas — ${r.deals} closed-won deals in ${r.seconds} s (one batch a second); ${r.faults}`,
    head: ['what', 'one process (no Redis)', 'two replicas (Redis, kill -9)'],
    rows,
  };
}

/** Wrong decisions and service warnings, so a figure that misses says why. */
export function replicaNotes(r: Exclude<ReplicaResult, { skipped: string }>): string[] {
  return (['single', 'replicas'] as const).flatMap((k) => [
    ...r[k].decisions.examples.map((e) => `  ${k}: ${e}`),
    ...r[k].serviceProblems.map((p) => `  ${k} log: ${p}`),
  ]);
}
