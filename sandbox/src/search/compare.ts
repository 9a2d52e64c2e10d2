import type { PropertyDef } from '../store/types';
import { parseTime } from '../store/values';

/**
 * Typed comparison of a stored value with a filter value: numbers and times numerically (times
 * given as epoch ms, `YYYY-MM-DD` or ISO), everything else as case-insensitive text.
 */

export type Comparable = { kind: 'number'; n: number } | { kind: 'text'; s: string };

const numericTypes = new Set(['number', 'date', 'datetime']);

export function comparable(def: PropertyDef, raw: string): Comparable | undefined {
  if (numericTypes.has(def.type)) {
    const n = def.type === 'number' ? Number(raw) : parseTime(raw);
    return n !== undefined && Number.isFinite(n) ? { kind: 'number', n } : undefined;
  }
  return { kind: 'text', s: raw.toLowerCase() };
}

/** <0, 0, >0; undefined when the two cannot be compared. */
export function compare(a: Comparable, b: Comparable): number | undefined {
  if (a.kind === 'number' && b.kind === 'number') return a.n - b.n;
  if (a.kind === 'text' && b.kind === 'text') return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  return undefined;
}

/** Tokens for CONTAINS_TOKEN: words of letters and digits, lowercased. */
export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}@._-]+/u)
    .filter((t) => t.length > 0)
    .flatMap((t) => [t, ...t.split(/[@._-]+/).filter((p) => p && p !== t)]);
}

/** `*` in a CONTAINS_TOKEN value is a wildcard. */
export function tokenMatches(text: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (p === '') return false;
  if (!p.includes('*')) return tokens(text).includes(p) || text.toLowerCase() === p;
  const re = new RegExp(
    `^${p
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(text.toLowerCase()) || tokens(text).some((t) => re.test(t));
}
