import type { CommitmentHow } from '../commitments/commitment-inputs';
import type { ChangeOrderCause } from '../delivery';
import type { MomentumDrop, RediscoveredItem } from '../handoff-review/review-answers';
import type { OutcomeGroupBy } from './group-by';

/**
 * What summariseDeliveryOutcomes returns. Every figure is over the deals (or records) that have
 * the data, with `basedOn` saying how many; null when none has it, never 0.
 */

/** Planned against what happened, summed over the deals with both. */
export interface Comparison {
  planned: number | null;
  actual: number | null;
  /** (actual − planned) / planned × 100; null without a planned figure above 0. */
  overPct: number | null;
  basedOn: number;
}

export interface Mean {
  value: number | null;
  basedOn: number;
}

export interface AbsorbedByCause {
  /** null: no cause given. */
  cause: ChangeOrderCause | null;
  changeOrders: number;
  /** Over those with hours; null when none has. */
  hours: number | null;
  amount: number | null;
}

export interface PromisesByHow {
  /** null: not said how it was made. */
  how: CommitmentHow | null;
  made: number;
  broken: number;
  brokenPct: number;
}

export interface OutcomeRow {
  /** The group's value (deal type, pipeline id, owner id, property value); null: deals without one. */
  key: string | null;
  label: string;
  deals: number;
  /** Fewer deals than schemas/insights.json outcomes.smallGroupBelow: not to be over-read. */
  smallGroup: boolean;
  estimateHours: Comparison;
  estimateWeeks: Comparison;
  hoursVsBudget: Comparison;
  /** Mean planned and now margin (%) over the deals with both. */
  margin: { plannedPct: number | null; actualPct: number | null; basedOn: number };
  absorbed: {
    changeOrders: number;
    hours: number | null;
    hoursBasedOn: number;
    /** In the summary's currency; change orders of deals in another currency are left out. */
    amount: number | null;
    amountBasedOn: number;
    /** Most hours first. */
    byCause: AbsorbedByCause[];
  };
  promises: {
    made: number;
    broken: number;
    atRisk: number;
    extraWork: number;
    /** Most broken first. */
    byHow: PromisesByHow[];
    /** Promises broken on more than one deal of the group, by their words (case and spacing ignored); most deals first. */
    brokenAgain: Array<{ title: string; deals: number }>;
  };
  reviews: {
    answered: number;
    /** Deals of the group whose review named the item; most first. "none" is left out. */
    rediscovered: Array<{ item: RediscoveredItem; deals: number }>;
    rediscoveryHours: Mean;
    readiness: Mean;
    /** Deals of the group whose review named where the client felt momentum drop; most first. "none" is left out. */
    momentumDrops: Array<{ item: MomentumDrop; deals: number }>;
    beliefMatched: { matched: number; partly: number; notMatched: number };
  };
  /** What delivery said sales should know, newest deal first. */
  lessons: string[];
}

export interface OutcomeSummary {
  groupBy: OutcomeGroupBy;
  currency: string;
  /** Biggest group first; the group of deals without a value last. */
  rows: OutcomeRow[];
  /** Every deal counted, as one group. */
  total: OutcomeRow;
  generatedAt: string;
}
