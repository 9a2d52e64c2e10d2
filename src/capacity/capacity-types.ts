import type { CalendarDate } from '../dates/calendar';

/** What assessCapacity returns. Hours are unrounded (words and cards round); null means "cannot say". */

export type CapacityVerdict = 'fits' | 'tight' | 'over';

export interface CapacityWeek {
  /** The week's Monday, in the portal's time zone. */
  weekStart: CalendarDate;
  capacityHours: number;
  committedHours: number;
  proposedHours: number;
  /** (committed + proposed) / capacity × 100; null in a week without capacity. */
  loadPct: number | null;
  /** Reasons of the capacity exceptions touching the week ("Holidays"). */
  exceptions: string[];
}

export interface OverflowWeek {
  weekStart: CalendarDate;
  /** Which week of the proposed scope it is (1 = the week it starts). */
  scopeWeek: number;
  overHours: number;
}

export interface ProposedFit {
  scopeId: string;
  name: string | null;
  start: CalendarDate | null;
  /** null when the scope lacks what it takes to spread it (see `missing`). */
  verdict: CapacityVerdict | null;
  /** Weeks the scope would push the team over capacity. */
  overflowWeeks: OverflowWeek[];
  /** Weeks above the tight threshold but within capacity. */
  tightWeeks: CalendarDate[];
  /** The earliest start (the proposed one, or a later Monday) at which it fits; null if none within the search. */
  earliestFit: CalendarDate | null;
}

export interface CapacityAssessment {
  teamId: string;
  teamLabel: string;
  tightAbovePct: number;
  weeks: CapacityWeek[];
  proposed: ProposedFit | null;
  /** Scopes counted as committed load. */
  countedScopeIds: string[];
  /** "Scope X is not counted: it has no start date", in words. */
  missing: string[];
  /** The verdict and what to do, in words a rep and a delivery lead read. */
  summary: string[];
}
