/**
 * Two processes that raced (two replicas given one batch, a webhook worker and the sweep) can each
 * create the record a key stands for. Whoever finds them settles it the same way — keep the oldest
 * open one, close the other open ones — so both racers, and any later pass, converge on one.
 */
export interface KeyedCopy {
  id: string;
  createdAt?: string | undefined;
  open: boolean;
}

const age = (c: KeyedCopy) => (c.createdAt ? Date.parse(c.createdAt) : Number.POSITIVE_INFINITY);

/** The copy to keep (the oldest open one; ties by the smaller id) and the open others to close. */
export function keepOldest(copies: KeyedCopy[]): { keep: string | undefined; close: string[] } {
  const open = [...new Map(copies.filter((c) => c.open).map((c) => [c.id, c])).values()].sort(
    (a, b) => age(a) - age(b) || Number(a.id) - Number(b.id) || a.id.localeCompare(b.id),
  );
  return { keep: open[0]?.id, close: open.slice(1).map((c) => c.id) };
}
