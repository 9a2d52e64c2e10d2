import type { CalendarDate } from '../dates/calendar';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-21` → `21 Dec 2026`. */
export function dayWords(date: CalendarDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export const hoursWords = (h: number): string => `${Math.round(h)} h`;

export const pctWords = (p: number): string => `${Math.round(p)} %`;

/** [3, 4, 5, 8] → `weeks 3–5 and 8`; [2] → `week 2`. */
export function weekRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j > i ? `${sorted[i]}–${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  const list = runs.length <= 1 ? runs.join('') : `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}`;
  return `${sorted.length === 1 ? 'week' : 'weeks'} ${list}`;
}
