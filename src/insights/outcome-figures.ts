import type { CommitmentHow } from '../commitments/commitment-inputs';
import type { ChangeOrderCause } from '../delivery';
import type { MomentumDrop, RediscoveredItem } from '../handoff-review/review-answers';
import { compare, mean, sumKnown } from './measure';
import type { OutcomeDeal } from './outcome-deal';
import type { AbsorbedByCause, OutcomeRow, PromisesByHow } from './outcome-row';

export interface GroupOptions {
  currency: string;
  smallGroupBelow: number;
  lessonsShown: number;
}

function absorbed(deals: readonly OutcomeDeal[], currency: string): OutcomeRow['absorbed'] {
  const orders = deals.flatMap((d) =>
    d.changeOrders.filter((co) => co.decision === 'absorbed').map((co) => ({ co, sameCurrency: (d.currency ?? currency) === currency })),
  );
  const amountOf = (o: (typeof orders)[number]) => (o.sameCurrency ? o.co.amount : null);
  const causes = new Map<ChangeOrderCause | null, typeof orders>();
  for (const o of orders) {
    const of = causes.get(o.co.cause);
    if (of) of.push(o);
    else causes.set(o.co.cause, [o]);
  }
  const byCause: AbsorbedByCause[] = [...causes].map(([cause, of]) => ({
    cause,
    changeOrders: of.length,
    hours: sumKnown(of, (o) => o.co.hours).sum,
    amount: sumKnown(of, amountOf).sum,
  }));
  byCause.sort((a, b) => (b.hours ?? -1) - (a.hours ?? -1) || b.changeOrders - a.changeOrders);
  const hours = sumKnown(orders, (o) => o.co.hours);
  const amount = sumKnown(orders, amountOf);
  return { changeOrders: orders.length, hours: hours.sum, hoursBasedOn: hours.basedOn, amount: amount.sum, amountBasedOn: amount.basedOn, byCause };
}

function promises(deals: readonly OutcomeDeal[]): OutcomeRow['promises'] {
  const all = deals.flatMap((d) => d.commitments);
  const hows = new Map<CommitmentHow | null, PromisesByHow>();
  for (const c of all) {
    const row = hows.get(c.how) ?? { how: c.how, made: 0, broken: 0, brokenPct: 0 };
    row.made += 1;
    if (c.status === 'broken') row.broken += 1;
    row.brokenPct = (row.broken / row.made) * 100;
    hows.set(c.how, row);
  }
  return {
    made: all.length,
    broken: all.filter((c) => c.status === 'broken').length,
    atRisk: all.filter((c) => c.status === 'at_risk').length,
    extraWork: all.filter((c) => c.extraWork === true).length,
    byHow: [...hows.values()].sort((a, b) => b.broken - a.broken || b.brokenPct - a.brokenPct),
    brokenAgain: brokenAgain(deals),
  };
}

const sameWords = (title: string) =>
  title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The same promise broken on two deals or more: what "start in two weeks" looks like across deals. */
function brokenAgain(deals: readonly OutcomeDeal[]): Array<{ title: string; deals: number }> {
  const byWords = new Map<string, { title: string; deals: Set<string> }>();
  for (const d of deals) {
    for (const c of d.commitments) {
      if (c.status !== 'broken' || !c.title) continue;
      const key = sameWords(c.title);
      const entry = byWords.get(key) ?? { title: c.title.trim(), deals: new Set<string>() };
      entry.deals.add(d.id);
      byWords.set(key, entry);
    }
  }
  return [...byWords.values()]
    .filter((e) => e.deals.size > 1)
    .map((e) => ({ title: e.title, deals: e.deals.size }))
    .sort((a, b) => b.deals - a.deals || a.title.localeCompare(b.title));
}

function counted<T extends string>(lists: ReadonlyArray<readonly T[]>): Array<{ item: T; deals: number }> {
  const items = new Map<T, number>();
  for (const list of lists) for (const item of new Set(list)) if (item !== 'none') items.set(item, (items.get(item) ?? 0) + 1);
  return [...items].map(([item, n]) => ({ item, deals: n })).sort((a, b) => b.deals - a.deals);
}

function reviews(deals: readonly OutcomeDeal[]): OutcomeRow['reviews'] {
  const answered = deals.flatMap((d) => (d.review ? [d.review] : []));
  const matched = (m: string) => answered.filter((r) => r.beliefMatched === m).length;
  return {
    answered: answered.length,
    rediscovered: counted<RediscoveredItem>(answered.map((r) => r.rediscovered)),
    rediscoveryHours: mean(answered, (r) => r.rediscoveryHours),
    readiness: mean(answered, (r) => r.readiness),
    momentumDrops: counted<MomentumDrop>(answered.map((r) => r.momentumDrops)),
    beliefMatched: { matched: matched('matched'), partly: matched('partly'), notMatched: matched('not_matched') },
  };
}

const newestFirst = (a: OutcomeDeal, b: OutcomeDeal) => (b.closedWonAt?.getTime() ?? 0) - (a.closedWonAt?.getTime() ?? 0);

/** Every figure of one group of closed-won deals. */
export function summariseGroup(key: string | null, label: string, deals: readonly OutcomeDeal[], opts: GroupOptions): OutcomeRow {
  const margin = deals.filter((d) => d.delivery.plannedMarginPct !== null && d.delivery.marginNowPct !== null);
  return {
    key,
    label,
    deals: deals.length,
    smallGroup: deals.length < opts.smallGroupBelow,
    estimateHours: compare(
      deals,
      (d) => d.scope?.proposalHours ?? null,
      (d) => d.scope?.estimateHours ?? null,
    ),
    estimateWeeks: compare(
      deals,
      (d) => d.scope?.proposalWeeks ?? null,
      (d) => d.scope?.deliveryWeeks ?? null,
    ),
    hoursVsBudget: compare(
      deals,
      (d) => d.delivery.hoursBudget,
      (d) => d.delivery.hoursLogged,
    ),
    margin: {
      plannedPct: mean(margin, (d) => d.delivery.plannedMarginPct).value,
      actualPct: mean(margin, (d) => d.delivery.marginNowPct).value,
      basedOn: margin.length,
    },
    absorbed: absorbed(deals, opts.currency),
    promises: promises(deals),
    reviews: reviews(deals),
    lessons: [...deals]
      .sort(newestFirst)
      .flatMap((d) => (d.review?.salesLesson ? [d.review.salesLesson] : []))
      .slice(0, opts.lessonsShown),
  };
}
