import { addDays, daysBetween, todayIn, type CalendarDate } from '../dates/calendar';

/** Weeks start on Monday; a week is its Monday. The days worked are Monday to Friday. */
export const WORKING_DAYS_PER_WEEK = 5;

/** 0 = Monday … 6 = Sunday, of a calendar date (no time zone: it is already a day). */
export function weekdayOf(date: CalendarDate): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const mondayOf = (date: CalendarDate): CalendarDate => addDays(date, -weekdayOf(date));

export const isWorkingDay = (date: CalendarDate): boolean => weekdayOf(date) < WORKING_DAYS_PER_WEEK;

/** The first working day on or after `date`. */
export function nextWorkingDay(date: CalendarDate): CalendarDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The weeks shown: `weeks` Mondays from the week `start` falls in. */
export interface CapacityWindow {
  start: CalendarDate;
  weeks: number;
}

/** The window from this week, where "this week" is read in the portal's time zone. */
export function capacityWindow(now: Date, timeZone: string, weeks: number): CapacityWindow {
  return { start: mondayOf(todayIn(timeZone, now)), weeks };
}

export function weekStarts(window: CapacityWindow): CalendarDate[] {
  const first = mondayOf(window.start);
  return Array.from({ length: window.weeks }, (_, i) => addDays(first, i * 7));
}

/** 1-based week number of `week` counted from the week `from` falls in. */
export const weekNumber = (from: CalendarDate, week: CalendarDate): number => daysBetween(mondayOf(from), mondayOf(week)) / 7 + 1;
