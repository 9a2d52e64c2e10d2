import { addDays, type CalendarDate } from '../dates/calendar';
import type { CapacitySettings, TeamCapacity } from '../model';
import type { CapacityAssessment, CapacityWeek, ProposedFit } from './capacity-types';
import { capacitySummary } from './capacity-summary';
import { judgeFit } from './judge-fit';
import { canSpread, spreadScope, whyNotSpread, type ScopeLoad, type SpreadScope } from './scope-load';
import { exceptionsInWeek, teamHoursInWeek } from './team-hours';
import { mondayOf, weekStarts, type CapacityWindow } from './weeks';

export type CapacityPolicy = Pick<CapacitySettings, 'tightAbovePct' | 'searchWeeks'>;
const DEFAULT_POLICY: CapacityPolicy = { tightAbovePct: 85, searchWeeks: 26 };

const named = (s: ScopeLoad) => (s.name ? `Scope “${s.name}”` : `Scope ${s.id}`);

function addInto(total: Map<CalendarDate, number>, part: ReadonlyMap<CalendarDate, number>): void {
  for (const [week, h] of part) total.set(week, (total.get(week) ?? 0) + h);
}

/** The proposal at its own start, then each Monday after, until one fits or the search ends. */
function earliestFit(
  team: TeamCapacity,
  committed: Map<CalendarDate, number>,
  scope: SpreadScope,
  from: CalendarDate,
  policy: CapacityPolicy,
): CalendarDate | null {
  const candidates = [from, ...Array.from({ length: policy.searchWeeks }, (_, i) => addDays(mondayOf(from), (i + 1) * 7))];
  return candidates.find((start) => judgeFit(team, committed, spreadScope(scope, start), start, policy.tightAbovePct).verdict === 'fits') ?? null;
}

/**
 * A team's load week by week against its capacity, and how a proposed scope fits on top. Pure.
 * `scopes` are the team's committed scopes (others' are ignored; the proposed one is never
 * counted twice); each is spread over its timeline (scope-load.ts). The verdict covers every week
 * the proposal loads, also past the window: over when one goes above capacity, tight when one
 * goes above tightAbovePct, otherwise fits.
 */
export function assessCapacity(
  team: TeamCapacity,
  scopes: readonly ScopeLoad[],
  window: CapacityWindow,
  proposed: ScopeLoad | null = null,
  policy: CapacityPolicy = DEFAULT_POLICY,
): CapacityAssessment {
  const missing: string[] = [];
  const committed = new Map<CalendarDate, number>();
  const counted: string[] = [];
  for (const scope of scopes) {
    if (scope.teamId !== team.id || scope.id === proposed?.id) continue;
    if (!canSpread(scope)) {
      missing.push(`${named(scope)} is not counted: ${whyNotSpread(scope)}`);
      continue;
    }
    addInto(committed, spreadScope(scope));
    counted.push(scope.id);
  }

  let fit: ProposedFit | null = null;
  let proposedLoad = new Map<CalendarDate, number>();
  if (proposed) {
    const base = { scopeId: proposed.id, name: proposed.name, start: proposed.start, overflowWeeks: [], tightWeeks: [], earliestFit: null };
    if (!canSpread(proposed)) {
      missing.push(`Not enough data to say whether ${named(proposed)} fits: ${whyNotSpread(proposed)}`);
      fit = { ...base, verdict: null };
    } else {
      proposedLoad = spreadScope(proposed);
      const judged = judgeFit(team, committed, proposedLoad, proposed.start, policy.tightAbovePct);
      const from = proposed.start < window.start ? window.start : proposed.start;
      fit = { ...base, ...judged, earliestFit: earliestFit(team, committed, proposed, from, policy) };
    }
  }

  const weeks: CapacityWeek[] = weekStarts(window).map((weekStart) => {
    const capacityHours = teamHoursInWeek(team, weekStart);
    const committedHours = committed.get(weekStart) ?? 0;
    const proposedHours = proposedLoad.get(weekStart) ?? 0;
    const load = committedHours + proposedHours;
    return {
      weekStart,
      capacityHours,
      committedHours,
      proposedHours,
      loadPct: capacityHours > 0 ? (load / capacityHours) * 100 : null,
      exceptions: exceptionsInWeek(team, weekStart),
    };
  });
  const assessment = { teamId: team.id, teamLabel: team.label, tightAbovePct: policy.tightAbovePct, weeks, proposed: fit, countedScopeIds: counted, missing };
  return { ...assessment, summary: capacitySummary(assessment, policy.searchWeeks) };
}
