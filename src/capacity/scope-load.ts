import { addDays, type CalendarDate } from '../dates/calendar';
import { mondayOf, nextWorkingDay, isWorkingDay, WORKING_DAYS_PER_WEEK } from './weeks';

/** A scope as capacity sees it, read from the Scope by capacity.json (null where it has no value). */
export interface ScopeLoad {
  id: string;
  name: string | null;
  teamId: string | null;
  start: CalendarDate | null;
  timelineWeeks: number | null;
  hours: number | null;
}

export type SpreadScope = ScopeLoad & { start: CalendarDate; timelineWeeks: number; hours: number };

/** Why a scope cannot be spread, in words; null when it can. */
export function whyNotSpread(scope: ScopeLoad): string | null {
  const gaps = [
    scope.start === null ? 'start date' : null,
    scope.timelineWeeks === null || scope.timelineWeeks <= 0 ? 'timeline in weeks' : null,
    scope.hours === null || scope.hours < 0 ? 'delivery estimate in hours' : null,
  ].filter((g): g is string => g !== null);
  return gaps.length ? `it has no ${gaps.join(', no ')}` : null;
}

export const canSpread = (scope: ScopeLoad): scope is SpreadScope => whyNotSpread(scope) === null;

/**
 * A scope's hours by week (Monday → hours). The estimate is spread evenly over the working days
 * of its timeline (weeks × 5, rounded, at least one), counted from its start (a weekend start
 * begins on the Monday). A mid-week start therefore loads its first week partly, and the rest
 * spills into the week after the last full one: the scope's total never changes. Holidays do
 * not move the work; they lower capacity (team-hours.ts).
 */
export function spreadScope(scope: SpreadScope, startOverride?: CalendarDate): Map<CalendarDate, number> {
  const days = Math.max(1, Math.round(scope.timelineWeeks * WORKING_DAYS_PER_WEEK));
  const perDay = scope.hours / days;
  const byWeek = new Map<CalendarDate, number>();
  let day = nextWorkingDay(startOverride ?? scope.start);
  for (let n = 0; n < days; day = addDays(day, 1)) {
    if (!isWorkingDay(day)) continue;
    const week = mondayOf(day);
    byWeek.set(week, (byWeek.get(week) ?? 0) + perDay);
    n++;
  }
  return byWeek;
}
