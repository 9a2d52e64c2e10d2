/**
 * Calendar dates as `YYYY-MM-DD` strings. Arithmetic happens on UTC midnights, where every day is
 * 24 hours long, so DST never shifts a date; "today" is read in the portal's time zone.
 */
export type CalendarDate = string;

const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === value;
}

function toUtcMs(date: CalendarDate): number {
  if (!isCalendarDate(date)) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD).`);
  return Date.parse(`${date}T00:00:00Z`);
}

const fromUtcMs = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(year, month, Math.min(d, last)));
}

/** The calendar date it is at `now` in `timeZone`. */
export function todayIn(timeZone: string, now: Date): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * HubSpot date properties arrive as `YYYY-MM-DD` or as midnight-UTC epoch milliseconds
 * (webhooks send the latter as strings). Anything else is not a date.
 */
export function parseHubSpotDate(value: string | null | undefined): CalendarDate | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (isCalendarDate(v)) return v;
  if (/^\d{9,}$/.test(v)) return fromUtcMs(Number(v));
  if (/^\d{4}-\d{2}-\d{2}T/.test(v) && isCalendarDate(v.slice(0, 10))) return v.slice(0, 10);
  return undefined;
}

/** Midnight UTC of a calendar date as epoch ms, the form HubSpot search filters take for dates. */
export function toEpochMs(date: CalendarDate): number {
  return toUtcMs(date);
}

/** Minutes `timeZone` is ahead of UTC at instant `at` (negative west of Greenwich). */
function offsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a wall-clock time on a calendar date happens in `timeZone` (e.g. 09:00 in Berlin). */
export function atLocalTime(date: CalendarDate, hour: number, timeZone: string): Date {
  const naive = toUtcMs(date) + hour * 3_600_000;
  const first = naive - offsetMinutes(timeZone, new Date(naive)) * 60_000;
  // Re-read the offset at the candidate instant, in case a DST change lies between.
  return new Date(naive - offsetMinutes(timeZone, new Date(first)) * 60_000);
}
