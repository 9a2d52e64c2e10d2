/**
 * Gathers jobs a worker has taken, one at a time, into batches run by one call (BullMQ's open-source
 * worker hands its processor one job; its groups and batches are BullMQ Pro). A batch starts when
 * it is full (`size`) or its first job has waited `lingerMs`, and only while fewer than
 * `concurrency` batches run: under a backlog the jobs taken meanwhile wait and the next batch
 * starts full. `submit` settles with its batch: resolved when the batch ran, rejected with its error.
 */
export interface JobBatcher<T> {
  submit(item: T): Promise<void>;
}

export interface JobBatcherSettings<T> {
  size: number;
  concurrency: number;
  lingerMs: number;
  run(items: T[]): Promise<void>;
}

interface Waiting<T> {
  item: T;
  since: number;
  settle: { resolve(): void; reject(err: unknown): void };
}

export function createJobBatcher<T>(settings: JobBatcherSettings<T>): JobBatcher<T> {
  const size = Math.max(1, settings.size);
  let waiting: Waiting<T>[] = [];
  let running = 0;
  let timer: NodeJS.Timeout | undefined;

  function startDue(): void {
    clearTimeout(timer);
    timer = undefined;
    while (waiting.length && running < settings.concurrency) {
      const due = waiting.length >= size || Date.now() - waiting[0]!.since >= settings.lingerMs;
      if (!due) break;
      const batch = waiting.slice(0, size);
      waiting = waiting.slice(size);
      running += 1;
      settings
        .run(batch.map((w) => w.item))
        .then(
          () => batch.forEach((w) => w.settle.resolve()),
          (err: unknown) => batch.forEach((w) => w.settle.reject(err)),
        )
        .finally(() => {
          running -= 1;
          startDue();
        });
    }
    if (waiting.length && running < settings.concurrency) {
      timer = setTimeout(startDue, Math.max(0, waiting[0]!.since + settings.lingerMs - Date.now()));
    }
  }

  return {
    submit(item) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ item, since: Date.now(), settle: { resolve, reject } });
        startDue();
      });
    },
  };
}
