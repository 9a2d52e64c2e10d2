import { HANDOFF_REVIEW_PROPERTIES as P } from '../model/commitment-properties';

/** What had to be rediscovered after kickoff: the options of handoff_review_rediscovered. */
export const REDISCOVERED_ITEMS = ['scope', 'promises', 'stakeholders', 'timeline', 'pricing', 'dependencies', 'buyer_context', 'none'] as const;
export type RediscoveredItem = (typeof REDISCOVERED_ITEMS)[number];

/** Where the client felt a drop in momentum: the options of handoff_review_momentum_drop. */
export const MOMENTUM_DROPS = ['before_kickoff', 'repeated_discovery', 'waiting_on_client', 'change_order', 'first_milestone', 'none'] as const;
export type MomentumDrop = (typeof MOMENTUM_DROPS)[number];

export const BELIEF_MATCHES = ['matched', 'partly', 'not_matched'] as const;
export type BeliefMatch = (typeof BELIEF_MATCHES)[number];

/** Delivery's answers, parsed; null where unanswered (or an unknown value). */
export interface HandoffReviewAnswers {
  buyerBelief: string | null;
  beliefMatched: BeliefMatch | null;
  /** Empty when unanswered; ['none'] when nothing had to be rediscovered. */
  rediscovered: RediscoveredItem[];
  rediscoveryHours: number | null;
  extraWorkPromises: string | null;
  /** 1 (not ready) to 5 (ready). */
  readiness: number | null;
  /** Empty when unanswered; ['none'] when the client felt no drop. */
  momentumDrops: MomentumDrop[];
  marginAssumptions: string | null;
  salesLesson: string | null;
}

export type ReviewValues = Record<string, string | null | undefined>;

const textOf = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** A multi-select as HubSpot sends it (`a;b`), keeping the known options only. */
const optionsOf = <T extends string>(allowed: readonly T[], v: string | null | undefined): T[] =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s): s is T => (allowed as readonly string[]).includes(s));

function numberOf(v: string | null | undefined): number | null {
  const t = textOf(v);
  const n = t === null ? NaN : Number(t);
  return Number.isFinite(n) ? n : null;
}

/** The deal's "Handoff review" values as HubSpot sends them (multi-select joined by `;`). */
export function readHandoffReview(values: ReviewValues): HandoffReviewAnswers {
  const matched = textOf(values[P.beliefMatched]);
  const readiness = numberOf(values[P.readiness]);
  const hours = numberOf(values[P.rediscoveryHours]);
  return {
    buyerBelief: textOf(values[P.buyerBelief]),
    beliefMatched: (BELIEF_MATCHES as readonly string[]).includes(matched ?? '') ? (matched as BeliefMatch) : null,
    rediscovered: optionsOf(REDISCOVERED_ITEMS, values[P.rediscovered]),
    rediscoveryHours: hours !== null && hours >= 0 ? hours : null,
    extraWorkPromises: textOf(values[P.extraWorkPromises]),
    readiness: readiness !== null && Number.isInteger(readiness) && readiness >= 1 && readiness <= 5 ? readiness : null,
    momentumDrops: optionsOf(MOMENTUM_DROPS, values[P.momentumDrop]),
    marginAssumptions: textOf(values[P.marginAssumptions]),
    salesLesson: textOf(values[P.salesLesson]),
  };
}

/** The required answers still empty, by property name (schemas/insights.json handoffReview.requiredAnswers). */
export const unansweredOf = (values: ReviewValues, required: readonly string[]): string[] => required.filter((name) => textOf(values[name]) === null);
