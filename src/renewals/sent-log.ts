/**
 * The reminders already created for a contract, kept on the contract itself (reminders_sent), one
 * line each: `<key> <pending|sent> <taskId|-> <date>`. Readable in HubSpot, parsed strictly here.
 *
 * Writing happens in two phases so a crash can never send a reminder twice or lose one: the key is
 * recorded as pending, the task is created, then the line becomes sent with the task id. A pending
 * line found on the next run means "a task may exist": the scan looks for it before creating one.
 */
export type SentState = 'pending' | 'sent';

export interface SentEntry {
  key: string;
  state: SentState;
  taskId: string | undefined;
  date: string;
}

const LINE = /^(\S+) (pending|sent) (\d+|-) (\d{4}-\d{2}-\d{2})$/;

export function parseSentLog(text: string | null | undefined): SentEntry[] {
  if (!text) return [];
  return text
    .split('\n')
    .map((l) => LINE.exec(l.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ key: m[1]!, state: m[2] as SentState, taskId: m[3] === '-' ? undefined : m[3], date: m[4]! }));
}

export function formatSentLog(entries: SentEntry[]): string {
  return entries.map((e) => `${e.key} ${e.state} ${e.taskId ?? '-'} ${e.date}`).join('\n');
}

/** Adds or replaces entries by key, keeping the others in order. */
export function withEntries(entries: SentEntry[], changes: SentEntry[]): SentEntry[] {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  for (const c of changes) byKey.set(c.key, c);
  return [...byKey.values()];
}

export function withoutKeys(entries: SentEntry[], keys: string[]): SentEntry[] {
  const drop = new Set(keys);
  return entries.filter((e) => !drop.has(e.key));
}
