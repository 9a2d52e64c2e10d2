import type { CapacityVerdictShown, FeasibilityStatus, RuleModeShown } from '../shared/presale-card-data';

type TagVariant = 'danger' | 'warning' | 'info' | 'success' | 'default';

export const UNIT_WORDS = {
  done: { label: 'Done', variant: 'success' },
  open: { label: 'Open', variant: 'info' },
  overdue: { label: 'Overdue', variant: 'danger' },
} as const satisfies Record<string, { label: string; variant: TagVariant }>;

export const REVIEW_WORDS: Record<FeasibilityStatus, { label: string; variant: TagVariant }> = {
  requested: { label: 'Requested', variant: 'info' },
  in_review: { label: 'In review', variant: 'info' },
  feasible: { label: 'Feasible', variant: 'success' },
  feasible_with_changes: { label: 'Feasible with changes', variant: 'warning' },
  not_feasible: { label: 'Not feasible', variant: 'danger' },
};

export const VERDICT_WORDS: Record<CapacityVerdictShown, { label: string; variant: TagVariant }> = {
  fits: { label: 'Fits', variant: 'success' },
  tight: { label: 'Tight', variant: 'warning' },
  over: { label: 'Over capacity', variant: 'danger' },
};

export const MODE_WORDS: Record<RuleModeShown, { label: string; explain: string }> = {
  enforce: { label: 'Enforces', explain: 'a deal moved to this stage without these goes back to its previous stage' },
  advise: { label: 'Advises', explain: 'the deal is not sent back; the checklist and a task say what is still open' },
};
