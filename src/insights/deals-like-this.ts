import { money } from '../delivery/words';
import { groupByWords, groupValue } from './group-by';
import type { OutcomeDeal } from './outcome-deal';
import type { OutcomeRow, OutcomeSummary } from './outcome-row';
import { wordFor, type OutcomeWords } from './outcome-words';

export type LikeThisState = 'none' | 'small_sample' | 'ready';

/** The deal card's "Deals like this" section, as the service sends it. */
export interface DealsLikeThis {
  state: LikeThisState;
  /** Closed-won deals it stands on. */
  basedOn: number;
  /** "Deal type: New business"; null when the open deal has no value to match on. */
  groupLabel: string | null;
  /** For a small sample: not to be over-read. */
  caution: string | null;
  sentences: string[];
  /** Hours per deal beyond the proposal: the estimate's overrun, then absorbed change orders by cause. */
  chart: Array<{ label: string; hoursPerDeal: number }>;
  /** When the summary was computed (the service refreshes it daily). */
  computedAt: string;
}

const round = (n: number) => Math.round(n);
const hours = (n: number) => `${round(n).toLocaleString('en-US')} h`;
const ofDeals = (n: number, of: number) => (n < of ? ` (${n} of ${of} deals)` : '');

function estimateSentence(row: OutcomeRow): string | null {
  const h = row.estimateHours;
  if (h.overPct === null) return null;
  const w = row.estimateWeeks;
  const weeks = w.planned !== null && w.actual !== null && w.basedOn > 0 ? (w.actual - w.planned) / w.basedOn : null;
  const weeksText =
    weeks === null || Math.abs(weeks) < 0.5
      ? ''
      : weeks > 0
        ? `, and ${round(weeks)} weeks longer on average`
        : `, and ${round(-weeks)} weeks shorter on average`;
  const pct = round(h.overPct);
  const head =
    pct > 0
      ? `Delivery estimated ${pct}% more hours than the proposal`
      : pct < 0
        ? `Delivery estimated ${-pct}% fewer hours than the proposal`
        : 'Delivery estimated the hours the proposal sold';
  return `${head}${weeksText}${ofDeals(h.basedOn, row.deals)}.`;
}

function absorbedSentence(row: OutcomeRow, currency: string, words: OutcomeWords): string {
  const a = row.absorbed;
  if (a.changeOrders === 0) return 'No change order was absorbed.';
  if (a.hours === null)
    return `${a.changeOrders === 1 ? '1 change order was' : `${a.changeOrders} change orders were`} absorbed, none with its hours recorded.`;
  const amount = a.amount !== null ? ` (${money(a.amount, currency)})` : '';
  const top = a.byCause.filter((c) => c.hours !== null && c.hours > 0).slice(0, 2);
  const causes = top.map((c) => `${wordFor(words.causes, c.cause, 'no cause given').toLowerCase()} (${hours(c.hours!)})`).join(' and ');
  return `They absorbed ${hours(a.hours)} of change orders${amount}, most of it from ${causes}.`;
}

function promisesSentence(row: OutcomeRow, words: OutcomeWords): string | null {
  const p = row.promises;
  if (p.made === 0) return null;
  if (p.broken === 0) return `None of their ${p.made} promises was broken.`;
  const worst = p.byHow.filter((h) => h.broken > 0).slice(0, 2);
  return `Promises broken most: ${worst.map((h) => `${wordFor(words.hows, h.how, 'not said how').toLowerCase()} (${h.broken} of ${h.made})`).join(', ')}.`;
}

function brokenAgainSentence(row: OutcomeRow): string | null {
  const again = row.promises.brokenAgain.slice(0, 2);
  if (again.length === 0) return null;
  return `Broken on more than one of them: ${again.map((b) => `“${b.title}” (${b.deals} deals)`).join(', ')}.`;
}

function momentumSentence(row: OutcomeRow, words: OutcomeWords): string | null {
  const top = row.reviews.momentumDrops[0];
  if (!top) return null;
  return `Clients felt momentum drop most ${wordFor(words.momentumDrops, top.item, top.item).toLowerCase()} (${top.deals} of ${row.reviews.answered} reviews).`;
}

function chartOf(row: OutcomeRow, words: OutcomeWords): DealsLikeThis['chart'] {
  const h = row.estimateHours;
  const overrun = h.planned !== null && h.actual !== null && h.basedOn > 0 ? (h.actual - h.planned) / h.basedOn : null;
  const bars = [
    ...(overrun !== null && overrun > 0 ? [{ label: 'Estimate over the proposal', hoursPerDeal: overrun }] : []),
    ...row.absorbed.byCause
      .filter((c) => c.hours !== null && c.hours > 0)
      .slice(0, 3)
      .map((c) => ({ label: `Absorbed: ${wordFor(words.causes, c.cause, 'no cause given')}`, hoursPerDeal: c.hours! / row.deals })),
  ];
  return bars.map((b) => ({ ...b, hoursPerDeal: Math.round(b.hoursPerDeal * 10) / 10 }));
}

type OpenDeal = Pick<OutcomeDeal, 'dealType' | 'pipeline' | 'ownerId' | 'properties'>;

/**
 * "Deals like this" for an open deal: the summary row of the deals sharing its deal type (or the
 * configured grouping), in a few sentences and a chart of hours per deal beyond the proposal.
 * Pure; the service computes the summary (cached, refreshed daily), the card only shows this.
 */
export function dealsLikeThis(openDeal: OpenDeal, summary: OutcomeSummary, words: OutcomeWords): DealsLikeThis {
  const by = groupByWords(summary.groupBy);
  const value = groupValue(openDeal, summary.groupBy);
  const row = value === null ? undefined : summary.rows.find((r) => r.key === value);
  const base = { computedAt: summary.generatedAt, chart: [], caution: null };
  if (value === null) {
    return { ...base, state: 'none', basedOn: 0, groupLabel: null, sentences: [`This deal has no ${by} yet: set it to see what deals like it taught.`] };
  }
  const groupLabel = `${by.charAt(0).toUpperCase()}${by.slice(1)}: ${row?.label ?? value}`;
  if (!row || row.deals === 0) {
    return { ...base, state: 'none', basedOn: 0, groupLabel, sentences: ['No deal like this one has been won and delivered yet.'] };
  }
  const sentences = [
    estimateSentence(row),
    absorbedSentence(row, summary.currency, words),
    promisesSentence(row, words),
    brokenAgainSentence(row),
    momentumSentence(row, words),
    ...row.lessons.map((l) => `Delivery said: “${l}”`),
  ].filter((s): s is string => s !== null);
  return {
    state: row.smallGroup ? 'small_sample' : 'ready',
    basedOn: row.deals,
    groupLabel,
    caution: row.smallGroup ? `Only ${row.deals === 1 ? '1 deal' : `${row.deals} deals`} like this so far: read it as a story, not a pattern.` : null,
    sentences,
    chart: chartOf(row, words),
    computedAt: summary.generatedAt,
  };
}
