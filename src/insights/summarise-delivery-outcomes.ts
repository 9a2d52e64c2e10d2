import { groupValue, type OutcomeGroupBy } from './group-by';
import { summariseGroup, type GroupOptions } from './outcome-figures';
import type { OutcomeDeal } from './outcome-deal';
import type { OutcomeSummary } from './outcome-row';

export interface OutcomeGrouping extends GroupOptions {
  by: OutcomeGroupBy;
  /** Only deals won on or after this instant (`--since`). */
  since?: Date;
  /** Group value → label (pipeline labels, owner names, option labels); a value without one shows as it is. */
  labels?: Record<string, string>;
}

const NO_VALUE = 'none';

/**
 * What past closed-won deals taught, per group: estimate against proposal, hours against budget,
 * absorbed change orders by cause, broken promises by how they were made, what delivery had to
 * rediscover, readiness, margin planned against now. Pure. Deals won after `now` (or before
 * `since`, or without a close date) are left out. Groups smaller than `smallGroupBelow` are marked.
 */
export function summariseDeliveryOutcomes(deals: readonly OutcomeDeal[], now: Date, grouping: OutcomeGrouping): OutcomeSummary {
  const counted = deals.filter((d) => d.closedWonAt !== null && d.closedWonAt <= now && (!grouping.since || d.closedWonAt >= grouping.since));
  const groups = new Map<string | null, OutcomeDeal[]>();
  for (const d of counted) {
    const key = groupValue(d, grouping.by);
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const rows = [...groups]
    .map(([key, of]) => summariseGroup(key, key === null ? NO_VALUE : (grouping.labels?.[key] ?? key), of, grouping))
    .sort((a, b) => Number(a.key === null) - Number(b.key === null) || b.deals - a.deals || a.label.localeCompare(b.label));
  return {
    groupBy: grouping.by,
    currency: grouping.currency,
    rows,
    total: summariseGroup(null, 'All deals', counted, grouping),
    generatedAt: now.toISOString(),
  };
}
