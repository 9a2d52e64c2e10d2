import type { Comparison, Mean } from './outcome-row';

type Pick2<T> = (item: T) => number | null;

/** Sums of planned and actual over the items that have both. */
export function compare<T>(items: readonly T[], planned: Pick2<T>, actual: Pick2<T>): Comparison {
  const both = items.filter((i) => planned(i) !== null && actual(i) !== null);
  if (both.length === 0) return { planned: null, actual: null, overPct: null, basedOn: 0 };
  const p = both.reduce((s, i) => s + planned(i)!, 0);
  const a = both.reduce((s, i) => s + actual(i)!, 0);
  return { planned: p, actual: a, overPct: p > 0 ? ((a - p) / p) * 100 : null, basedOn: both.length };
}

export function mean<T>(items: readonly T[], value: Pick2<T>): Mean {
  const known = items.map(value).filter((v): v is number => v !== null);
  return { value: known.length ? known.reduce((s, v) => s + v, 0) / known.length : null, basedOn: known.length };
}

/** A sum over the items that have the value; null when none has. */
export function sumKnown<T>(items: readonly T[], value: Pick2<T>): { sum: number | null; basedOn: number } {
  const known = items.map(value).filter((v): v is number => v !== null);
  return { sum: known.length ? known.reduce((s, v) => s + v, 0) : null, basedOn: known.length };
}
