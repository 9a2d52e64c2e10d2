import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from './logger';

export interface ScheduledJob {
  name: string;
  cron: string;
  run: () => Promise<unknown>;
}

export interface Scheduler {
  /** Stops new runs and waits for the ones in flight. */
  stop(): Promise<void>;
  /** Resolves when no job is running (for graceful shutdown and tests). */
  idle(): Promise<void>;
}

/**
 * Runs jobs on cron schedules in the portal's time zone. A run never overlaps the previous one of
 * the same job; a failing run is logged and the next one goes ahead as scheduled.
 */
export function startScheduler(jobs: ScheduledJob[], options: { timezone: string; logger: Logger; leads?: () => boolean }): Scheduler {
  const running = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        // SCHEDULER=on on every replica: only the leader's ticks run (src/coordination/leader-lock.ts).
        if (options.leads && !options.leads()) return;
        const started = Date.now();
        const run = job.run();
        running.add(run);
        try {
          const result = await run;
          options.logger.info({ job: job.name, ms: Date.now() - started, result }, 'scheduled job finished');
        } catch (err) {
          options.logger.error({ job: job.name, err }, 'scheduled job failed; it will run again at its next time');
        } finally {
          running.delete(run);
        }
      },
      { name: job.name, timezone: options.timezone, noOverlap: true },
    ),
  );
  const idle = async () => {
    while (running.size) await Promise.allSettled([...running]);
  };
  return {
    idle,
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      await idle();
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}
