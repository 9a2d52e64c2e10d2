import { groupByWords } from './group-by';
import { outcomeColumns } from './outcome-cells';
import type { OutcomeSummary } from './outcome-row';
import type { OutcomeWords } from './outcome-words';

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - [...s].length));

/** The insights table for a terminal: one line per group, then all deals, and what the marks mean. */
export function renderOutcomesText(summary: OutcomeSummary, words: OutcomeWords): string {
  if (summary.total.deals === 0) return `No closed-won deal to summarise by ${groupByWords(summary.groupBy)}.\n`;
  const columns = outcomeColumns(summary, words).filter((c) => c.header !== 'small group');
  const rows = [...summary.rows, summary.total];
  const table = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.text(r)))];
  const widths = columns.map((_, i) => Math.max(...table.map((line) => [...line[i]!].length)));
  const lines = table.map((line) =>
    line
      .map((cell, i) => pad(cell, widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  lines.splice(lines.length - 1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const notes = [
    summary.rows.some((r) => r.smallGroup) ? '* small group: too few deals to read a pattern into.' : null,
    rows.some((r) => [r.estimateHours, r.estimateWeeks, r.hoursVsBudget].some((c) => c.basedOn > 0 && c.basedOn < r.deals))
      ? '[n/m]: only n of the m deals have both figures.'
      : null,
    '—: not enough data to say.',
  ].filter((n): n is string => n !== null);
  return `${lines.join('\n')}\n\n${notes.join('\n')}\n`;
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The same table as CSV (plain numbers, empty where there is no data), all deals as the last row. */
export function renderOutcomesCsv(summary: OutcomeSummary, words: OutcomeWords): string {
  const columns = outcomeColumns(summary, words);
  const rows = [...summary.rows, summary.total];
  const headers = columns.flatMap((c) => c.csvHeaders ?? [c.header]);
  return [headers, ...rows.map((r) => columns.flatMap((c) => c.csv(r)))].map((line) => line.map(csvCell).join(',')).join('\n') + '\n';
}

/** Every figure, as summariseDeliveryOutcomes returned it (null where there is no data). */
export function renderOutcomesJson(summary: OutcomeSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
