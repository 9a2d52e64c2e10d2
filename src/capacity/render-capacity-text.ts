import type { CapacityAssessment, CapacityWeek } from './capacity-types';
import { dayWords, hoursWords, pctWords } from './capacity-words';

const BAR_WIDTH = 20;

function bar(w: CapacityWeek): string {
  if (w.capacityHours <= 0) return w.committedHours + w.proposedHours > 0 ? '!'.repeat(BAR_WIDTH) : '';
  const cells = (h: number) => Math.round((h / w.capacityHours) * BAR_WIDTH);
  const committed = cells(w.committedHours);
  const proposed = Math.max(0, cells(w.committedHours + w.proposedHours) - committed);
  return `${'#'.repeat(committed)}${'+'.repeat(proposed)}`.padEnd(BAR_WIDTH, '.').slice(0, BAR_WIDTH * 2);
}

function mark(w: CapacityWeek, tightAbovePct: number): string {
  if (w.loadPct === null) return w.committedHours + w.proposedHours > 0 ? 'over (no capacity)' : 'no capacity';
  if (w.loadPct > 100 + 1e-6) return 'over';
  return w.loadPct > tightAbovePct + 1e-6 ? 'tight' : '';
}

/**
 * One team's weeks as text for `npm run capacity`: capacity, committed, proposed, load, a bar
 * (# committed, + proposed, . free, each cell 1/20 of the week's capacity), then the summary.
 */
export function renderCapacityText(a: CapacityAssessment): string {
  const out = [`${a.teamLabel} (${a.teamId}) — ${a.weeks.length} weeks from ${a.weeks[0] ? dayWords(a.weeks[0].weekStart) : '—'}`];
  const withProposal = a.proposed !== null;
  out.push(
    `  ${'Week of'.padEnd(12)}${'Capacity'.padStart(9)}${'Committed'.padStart(10)}${withProposal ? 'Proposed'.padStart(10) : ''}${'Load'.padStart(7)}  `,
  );
  for (const w of a.weeks) {
    const load = w.loadPct === null ? '—' : pctWords(w.loadPct);
    const note = [mark(w, a.tightAbovePct), ...w.exceptions].filter(Boolean).join(', ');
    out.push(
      `  ${dayWords(w.weekStart).padEnd(12)}${hoursWords(w.capacityHours).padStart(9)}${hoursWords(w.committedHours).padStart(10)}` +
        `${withProposal ? hoursWords(w.proposedHours).padStart(10) : ''}${load.padStart(7)}  ${bar(w)}${note ? `  ${note}` : ''}`,
    );
  }
  for (const line of a.summary) out.push(`  ${line}`);
  for (const line of a.missing) out.push(`  ! ${line}`);
  return out.join('\n');
}
