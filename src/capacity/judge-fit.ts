import type { CalendarDate } from '../dates/calendar';
import type { TeamCapacity } from '../model';
import type { CapacityVerdict, OverflowWeek } from './capacity-types';
import { teamHoursInWeek } from './team-hours';
import { weekNumber } from './weeks';

export interface Fit {
  verdict: CapacityVerdict;
  overflowWeeks: OverflowWeek[];
  tightWeeks: CalendarDate[];
}

// Sub-hour noise from spreading (thirds of an hour) is not an overflow.
const EPSILON = 1e-6;

/**
 * How a proposed load fits on top of the committed one: judged only in the weeks the proposal
 * loads, since a week already over without it is not the proposal's doing.
 */
export function judgeFit(
  team: Pick<TeamCapacity, 'weeklyHours' | 'exceptions'>,
  committed: ReadonlyMap<CalendarDate, number>,
  proposed: ReadonlyMap<CalendarDate, number>,
  start: CalendarDate,
  tightAbovePct: number,
): Fit {
  const overflowWeeks: OverflowWeek[] = [];
  const tightWeeks: CalendarDate[] = [];
  for (const [week, hours] of [...proposed].sort(([a], [b]) => a.localeCompare(b))) {
    if (hours <= 0) continue;
    const capacity = teamHoursInWeek(team, week);
    const load = (committed.get(week) ?? 0) + hours;
    if (load > capacity + EPSILON) overflowWeeks.push({ weekStart: week, scopeWeek: weekNumber(start, week), overHours: load - capacity });
    else if (load > (capacity * tightAbovePct) / 100 + EPSILON) tightWeeks.push(week);
  }
  return { verdict: overflowWeeks.length ? 'over' : tightWeeks.length ? 'tight' : 'fits', overflowWeeks, tightWeeks };
}
