const DAY_MS = 86_400_000;

/** Days from `from` to `now`, with fractions; negative when `from` is in the future. */
export function daysSince(from: Date, now: Date): number {
  return (now.getTime() - from.getTime()) / DAY_MS;
}

/**
 * Whole calendar days (UTC) a date-only value lies behind `now`: 0 on the day itself, 1 the day
 * after. HubSpot stores date properties as midnight UTC.
 */
export function wholeDaysPast(date: Date, now: Date): number {
  const day = (d: Date) => Math.floor(d.getTime() / DAY_MS);
  return day(now) - day(date);
}
