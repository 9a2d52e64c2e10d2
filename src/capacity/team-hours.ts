import { addDays, type CalendarDate } from '../dates/calendar';
import type { TeamCapacity } from '../model';
import { WORKING_DAYS_PER_WEEK } from './weeks';

/**
 * A team's hours in the week of `monday`. Each working day carries a fifth of the weekly hours
 * in force that day: an exception covering it (a holiday at 0, a reduced week) replaces the
 * team's hours for those days only, so a one-day holiday takes one fifth off its week.
 */
export function teamHoursInWeek(team: Pick<TeamCapacity, 'weeklyHours' | 'exceptions'>, monday: CalendarDate): number {
  let hours = 0;
  for (let i = 0; i < WORKING_DAYS_PER_WEEK; i++) {
    const day = addDays(monday, i);
    const exception = team.exceptions.find((e) => e.from <= day && day <= e.to);
    hours += (exception ? exception.weeklyHours : team.weeklyHours) / WORKING_DAYS_PER_WEEK;
  }
  return hours;
}

/** The exceptions touching the week of `monday`, for the words beside a reduced week. */
export function exceptionsInWeek(team: Pick<TeamCapacity, 'exceptions'>, monday: CalendarDate): string[] {
  const friday = addDays(monday, WORKING_DAYS_PER_WEEK - 1);
  return team.exceptions.filter((e) => e.from <= friday && monday <= e.to).map((e) => e.reason);
}
