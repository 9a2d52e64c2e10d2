import { daysSince } from './days';
import type { ScopeInput } from './delivery-inputs';

export interface BurnFigures {
  hoursBudget: number | null;
  hoursLogged: number | null;
  burnPct: number | null;
  timeElapsedPct: number | null;
}

export interface BurnSummary {
  figures: BurnFigures;
  missing: string[];
}

/**
 * The hours budget is the scope's delivery estimate (the proposal hours while there is none) plus
 * the hours of billed and absorbed change orders; time elapsed runs from the start date over the
 * delivery timeline.
 */
export function summariseBurn(scope: ScopeInput, changeOrderHours: number | null, now: Date): BurnSummary {
  const missing: string[] = [];
  const estimate = scope.estimateHours ?? scope.proposalHours;
  if (estimate === null) missing.push('Not enough data to say the hours budget: the scope has no delivery estimate or proposal hours');
  const hoursBudget = estimate !== null && changeOrderHours !== null ? estimate + changeOrderHours : null;
  const hoursLogged = scope.hoursLogged;
  if (hoursLogged === null) missing.push('Not enough data to say how many hours are burned: the scope has no hours logged');

  let burnPct: number | null = null;
  if (hoursBudget !== null && hoursLogged !== null) {
    if (hoursBudget > 0) burnPct = (hoursLogged / hoursBudget) * 100;
    else missing.push('Not enough data to say how many hours are burned: the hours budget is 0');
  }

  let timeElapsedPct: number | null = null;
  if (scope.startDate === null || scope.timelineWeeks === null || scope.timelineWeeks <= 0) {
    missing.push('Not enough data to say how much of the timeline is gone: the scope needs a delivery start date and a delivery timeline');
  } else {
    const totalDays = scope.timelineWeeks * 7;
    const elapsed = Math.max(0, daysSince(scope.startDate, now));
    timeElapsedPct = (elapsed / totalDays) * 100;
  }
  return { figures: { hoursBudget, hoursLogged, burnPct, timeElapsedPct }, missing };
}
