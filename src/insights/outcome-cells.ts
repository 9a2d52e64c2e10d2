import { groupByWords } from './group-by';
import type { Comparison, OutcomeRow, OutcomeSummary } from './outcome-row';
import { wordFor, type OutcomeWords } from './outcome-words';

/** One row of the insights table as cells, shared by the text and CSV renderers. */
export interface OutcomeColumn {
  header: string;
  /** For the text table: a short, rounded reading; '—' without data. */
  text: (row: OutcomeRow) => string;
  /** CSV headers of this column (one reading may take several cells); the header when absent. */
  csvHeaders?: string[];
  /** For CSV: plain numbers or words, one per CSV header; '' without data. */
  csv: (row: OutcomeRow) => string[];
}

const NONE = '—';
const r0 = (n: number) => String(Math.round(n));
const r1 = (n: number) => String(Math.round(n * 10) / 10);
const signed = (n: number) => `${n > 0 ? '+' : ''}${Math.round(n)}%`;
const csvNum = (n: number | null) => (n === null ? '' : r1(n));

const compareCells = (c: Comparison) => [csvNum(c.planned), csvNum(c.actual), csvNum(c.overPct), String(c.basedOn)];
const compareHeaders = (what: string, planned: string, actual: string) => [planned, actual, `${what} over %`, `${what} based on`];

function compared(c: Comparison, unit: string, deals: number): string {
  if (c.planned === null || c.actual === null) return NONE;
  const over = c.overPct === null ? '' : ` (${signed(c.overPct)})`;
  return `${r0(c.planned)} → ${r0(c.actual)} ${unit}${over}${c.basedOn < deals ? ` [${c.basedOn}/${deals}]` : ''}`;
}

export function outcomeColumns(summary: Pick<OutcomeSummary, 'groupBy' | 'currency'>, words: OutcomeWords): OutcomeColumn[] {
  const causes = (row: OutcomeRow, sep: string) =>
    row.absorbed.byCause
      .slice(0, 3)
      .map((c) => `${wordFor(words.causes, c.cause, 'no cause')} ${c.hours === null ? '?' : r0(c.hours)} h`)
      .join(sep);
  const broken = (row: OutcomeRow, sep: string) =>
    row.promises.byHow
      .filter((h) => h.broken > 0)
      .map((h) => `${wordFor(words.hows, h.how, 'not said')} ${h.broken}/${h.made}`)
      .join(sep);
  const rediscovered = (row: OutcomeRow, sep: string) =>
    row.reviews.rediscovered
      .slice(0, 3)
      .map((x) => `${wordFor(words.rediscovered, x.item, x.item)} ${x.deals}`)
      .join(sep);
  const momentum = (row: OutcomeRow, sep: string) =>
    row.reviews.momentumDrops
      .slice(0, 2)
      .map((x) => `${wordFor(words.momentumDrops, x.item, x.item)} ${x.deals}`)
      .join(sep);
  return [
    { header: groupByWords(summary.groupBy), text: (r) => `${r.label}${r.smallGroup ? ' *' : ''}`, csv: (r) => [r.label] },
    { header: 'deals', text: (r) => String(r.deals), csv: (r) => [String(r.deals)] },
    { header: 'small group', text: () => '', csv: (r) => [String(r.smallGroup)] },
    {
      header: 'proposal → estimate',
      text: (r) => compared(r.estimateHours, 'h', r.deals),
      csvHeaders: compareHeaders('estimate', 'proposal hours', 'estimate hours'),
      csv: (r) => compareCells(r.estimateHours),
    },
    {
      header: 'weeks',
      text: (r) => compared(r.estimateWeeks, 'wk', r.deals),
      csvHeaders: compareHeaders('weeks', 'proposal weeks', 'delivery weeks'),
      csv: (r) => compareCells(r.estimateWeeks),
    },
    {
      header: 'budget → logged',
      text: (r) => compared(r.hoursVsBudget, 'h', r.deals),
      csvHeaders: compareHeaders('logged', 'hours budget', 'hours logged'),
      csv: (r) => compareCells(r.hoursVsBudget),
    },
    { header: 'absorbed h', text: (r) => (r.absorbed.hours === null ? NONE : r0(r.absorbed.hours)), csv: (r) => [csvNum(r.absorbed.hours)] },
    {
      header: `absorbed ${summary.currency}`,
      text: (r) => (r.absorbed.amount === null ? NONE : r0(r.absorbed.amount)),
      csv: (r) => [csvNum(r.absorbed.amount)],
    },
    { header: 'absorbed by cause', text: (r) => causes(r, ', ') || NONE, csv: (r) => [causes(r, '; ')] },
    {
      header: 'promises broken',
      text: (r) => (r.promises.made ? `${r.promises.broken}/${r.promises.made}` : NONE),
      csvHeaders: ['promises made', 'promises broken', 'promises at risk'],
      csv: (r) => [String(r.promises.made), String(r.promises.broken), String(r.promises.atRisk)],
    },
    { header: 'broken by how', text: (r) => broken(r, ', ') || NONE, csv: (r) => [broken(r, '; ')] },
    { header: 'reviews', text: (r) => String(r.reviews.answered), csv: (r) => [String(r.reviews.answered)] },
    { header: 'rediscovered', text: (r) => rediscovered(r, ', ') || NONE, csv: (r) => [rediscovered(r, '; ')] },
    { header: 'momentum dropped', text: (r) => momentum(r, ', ') || NONE, csv: (r) => [momentum(r, '; ')] },
    { header: 'extra-work promises', text: (r) => (r.promises.made ? String(r.promises.extraWork) : NONE), csv: (r) => [String(r.promises.extraWork)] },
    {
      header: 'readiness',
      text: (r) => (r.reviews.readiness.value === null ? NONE : r1(r.reviews.readiness.value)),
      csvHeaders: ['readiness', 'rediscovery hours'],
      csv: (r) => [csvNum(r.reviews.readiness.value), csvNum(r.reviews.rediscoveryHours.value)],
    },
    {
      header: 'margin planned → now',
      text: (r) => (r.margin.plannedPct === null || r.margin.actualPct === null ? NONE : `${r0(r.margin.plannedPct)}% → ${r0(r.margin.actualPct)}%`),
      csvHeaders: ['planned margin %', 'margin now %', 'margin based on'],
      csv: (r) => [csvNum(r.margin.plannedPct), csvNum(r.margin.actualPct), String(r.margin.basedOn)],
    },
  ];
}
