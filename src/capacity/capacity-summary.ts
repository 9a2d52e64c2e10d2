import type { CapacityAssessment } from './capacity-types';
import { dayWords, hoursWords, pctWords, weekRanges } from './capacity-words';

/** The verdict in words: who can take what when, which weeks overflow, the earliest start that fits. */
export function capacitySummary(a: Omit<CapacityAssessment, 'summary'>, searchWeeks: number): string[] {
  const p = a.proposed;
  if (!p) {
    const busiest = a.weeks.filter((w) => w.loadPct !== null).sort((x, y) => y.loadPct! - x.loadPct!)[0];
    return busiest ? [`${a.teamLabel}: busiest week ${dayWords(busiest.weekStart)}, at ${pctWords(busiest.loadPct!)} of capacity.`] : [];
  }
  if (p.verdict === null || p.start === null) return [];
  const what = p.name ? `“${p.name}”` : 'this scope';
  const from = dayWords(p.start);
  const later =
    p.earliestFit === null
      ? `No start in the next ${searchWeeks} weeks fits: ask delivery about a longer timeline or more people.`
      : p.earliestFit === p.start
        ? ''
        : `The earliest start that fits: ${dayWords(p.earliestFit)}.`;
  switch (p.verdict) {
    case 'fits':
      return [`${a.teamLabel} can take ${what} from ${from}: no week goes above ${pctWords(a.tightAbovePct)} of capacity.`];
    case 'tight':
      return [
        `${what} fits ${a.teamLabel} from ${from}, but tight: ${p.tightWeeks.length} ${p.tightWeeks.length === 1 ? 'week' : 'weeks'} above ${pctWords(a.tightAbovePct)} of capacity.`,
        ...(later ? [later] : []),
      ];
    case 'over': {
      const most = Math.max(...p.overflowWeeks.map((w) => w.overHours));
      return [
        `Starting ${from}, ${what} puts ${a.teamLabel} over capacity in ${weekRanges(p.overflowWeeks.map((w) => w.scopeWeek))} of the scope (by up to ${hoursWords(most)} a week).`,
        ...(later ? [later] : []),
      ];
    }
  }
}
