import type { OutcomeDeal } from './outcome-deal';

/** How deals are grouped: by deal type, pipeline, owner, or any deal property. */
export type OutcomeGroupBy = 'dealtype' | 'pipeline' | 'owner' | { property: string };

/** `--by dealtype|pipeline|owner|<property>`, and schemas/insights.json outcomes.groupBy. */
export function parseGroupBy(value: string): OutcomeGroupBy {
  const v = value.trim();
  return v === 'dealtype' || v === 'pipeline' || v === 'owner' ? v : { property: v };
}

/** The grouping in words, for headings: "deal type", "owner", "property industry". */
export function groupByWords(by: OutcomeGroupBy): string {
  if (by === 'dealtype') return 'deal type';
  if (by === 'pipeline' || by === 'owner') return by;
  return `property ${by.property}`;
}

type Grouped = Pick<OutcomeDeal, 'dealType' | 'pipeline' | 'ownerId' | 'properties'>;

/** The value a deal is grouped under; null when it has none (grouped as "none"). */
export function groupValue(deal: Grouped, by: OutcomeGroupBy): string | null {
  const raw = by === 'dealtype' ? deal.dealType : by === 'pipeline' ? deal.pipeline : by === 'owner' ? deal.ownerId : deal.properties[by.property];
  return raw && raw.trim() ? raw.trim() : null;
}
