import type { CapacityAssessment } from '../capacity/capacity-types';
import type { CardCapacity, CardFeasibility, CardUnit, PresaleSection } from '../cards/card-data';
import { parseHubSpotDate } from '../dates/calendar';
import type { LinkedRecord } from '../gate/types';
import { formatDateTime } from '../words/format-words';
import { deliverableWords } from './deliverable-words';
import { readFeasibilityReview } from './feasibility';
import type { PresalePlan } from './plan-presale';
import type { PresaleLabels } from './presale-labels';

export interface PresaleSectionInput {
  plan: PresalePlan;
  /** Owner id → name, for who each unit is with. */
  ownerNames: ReadonlyMap<string, string>;
  labels: PresaleLabels;
  /** The deal's current scope (not superseded), if any. */
  scope: LinkedRecord | undefined;
  scopeDisplay: string;
  /** Where the proposal's timeline and planned start are read (capacity.json's last fallbacks). */
  proposal: { timelineWeeks: string; plannedStart: string };
  capacity: CapacityAssessment | null;
  capacityProblem: string | null;
  timeZone: string;
}

const positive = (v: string | null | undefined): number | null => {
  const n = v && v.trim() ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
};
const nonNegative = (n: number) => Math.max(0, n);

function units(input: PresaleSectionInput): CardUnit[] {
  return input.plan.units.map((u) => ({
    key: u.unit.key,
    title: u.unit.title,
    state: u.state,
    dueDate: u.unit.dueDate,
    ownerName: u.unit.ownerId ? (input.ownerNames.get(u.unit.ownerId) ?? null) : null,
    doneWhen: deliverableWords(u.unit.deliverable, input.labels),
    howToFinish: u.unit.howToFinish,
    tickedWithoutDeliverable: u.tickedWithoutDeliverable,
  }));
}

function review(input: PresaleSectionInput): CardFeasibility | null {
  const scope = input.scope;
  if (!scope) return null;
  const r = readFeasibilityReview(scope);
  const p = scope.properties;
  return {
    scopeId: scope.id,
    scopeName: p[input.scopeDisplay]?.trim() || `Scope ${scope.id}`,
    status: r.status,
    requestedAt: r.requestedAt,
    requestedAtText: formatDateTime(r.requestedAt, input.timeZone),
    reviewedBy: r.reviewedBy,
    notes: r.notes,
    committedTimelineWeeks: r.committedTimelineWeeks !== null && r.committedTimelineWeeks > 0 ? r.committedTimelineWeeks : null,
    committedStart: r.committedStart,
    proposalTimelineWeeks: positive(p[input.proposal.timelineWeeks]),
    plannedStart: parseHubSpotDate(p[input.proposal.plannedStart]) ?? null,
  };
}

function capacity(a: CapacityAssessment | null): CardCapacity | null {
  if (!a) return null;
  return {
    teamLabel: a.teamLabel,
    verdict: a.proposed?.verdict ?? null,
    tightAbovePct: a.tightAbovePct,
    weeks: a.weeks.map((w) => ({
      weekStart: w.weekStart,
      capacityHours: nonNegative(w.capacityHours),
      committedHours: nonNegative(w.committedHours),
      proposedHours: nonNegative(w.proposedHours),
      loadPct: w.loadPct === null ? null : nonNegative(w.loadPct),
    })),
    overflowWeeks: (a.proposed?.overflowWeeks ?? []).map((w) => ({ weekStart: w.weekStart, scopeWeek: w.scopeWeek, overHours: nonNegative(w.overHours) })),
    proposedStart: a.proposed?.start ?? null,
    earliestFit: a.proposed?.earliestFit ?? null,
    summary: a.summary,
    missing: a.missing,
  };
}

/** Pure: the deal card's "Before the proposal" section from the plan, the scope and the capacity read for it. */
export function buildPresaleSection(input: PresaleSectionInput): PresaleSection {
  return {
    stageLabel: input.plan.stageLabel,
    units: units(input),
    review: review(input),
    capacity: capacity(input.capacity),
    capacityProblem: input.capacityProblem,
  };
}
