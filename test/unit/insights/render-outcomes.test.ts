import { renderOutcomesCsv, renderOutcomesJson, renderOutcomesText, summariseDeliveryOutcomes } from '../../../src/insights';
import { NOW, grouping, portfolio, words } from './fixtures';

const summary = summariseDeliveryOutcomes(portfolio(), NOW, grouping);

describe('insights renderers', () => {
  it('text: one aligned line per group, all deals last, small groups and partial figures marked', () => {
    const text = renderOutcomesText(summary, words);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^deal type\s+deals\s+proposal → estimate\s+weeks\s+budget → logged\s+absorbed h\s+absorbed EUR/);
    const newBusiness = lines.find((l) => l.startsWith('newbusiness'))!;
    expect(newBusiness).toContain('300 → 380 h (+27%) [2/3]');
    expect(newBusiness).toContain('30 → 36 wk (+20%) [2/3]');
    expect(newBusiness).toContain('Promise made during the sale 65 h, Missed dependency 10 h');
    expect(newBusiness).toContain('Email 1/1, Verbal 1/3');
    expect(newBusiness).toContain('40% → 30%');
    expect(lines.find((l) => l.startsWith('existingbusiness *'))).toBeDefined();
    expect(lines.find((l) => l.startsWith('All deals'))).toMatch(/^All deals\s+5\s/);
    expect(text).toContain('* small group: too few deals to read a pattern into.');
    expect(text).toContain('[n/m]: only n of the m deals have both figures.');
    // Columns line up: every cell of the deals column starts where its header does.
    const at = lines[0]!.indexOf('deals');
    expect(lines.filter((l) => /^(newbusiness|existingbusiness|none|All deals)/.test(l)).map((l) => l.slice(at).match(/^\d+/)?.[0])).toEqual([
      '3',
      '1',
      '1',
      '5',
    ]);
  });

  it('text: says so when there is no deal', () => {
    expect(renderOutcomesText(summariseDeliveryOutcomes([], NOW, grouping), words)).toBe('No closed-won deal to summarise by deal type.\n');
  });

  it('CSV: plain numbers, empty where there is no data, quoted where needed', () => {
    const [header, ...rows] = renderOutcomesCsv(summary, words).trimEnd().split('\n');
    const cols = header!.split(',');
    expect(cols.slice(0, 7)).toEqual(['deal type', 'deals', 'small group', 'proposal hours', 'estimate hours', 'estimate over %', 'estimate based on']);
    const cell = (row: string, name: string) => row.split(',')[cols.indexOf(name)];
    expect(cell(rows[0]!, 'estimate over %')).toBe('26.7');
    expect(cell(rows[0]!, 'absorbed EUR')).toBe('3000');
    expect(cell(rows[0]!, 'promises broken')).toBe('2');
    expect(cell(rows[2]!, 'proposal hours')).toBe('');
    expect(cell(rows[2]!, 'deal type')).toBe('none');
    expect(rows.at(-1)!.startsWith('All deals,5,')).toBe(true);
    const quoted = renderOutcomesCsv({ ...summary, rows: [{ ...summary.rows[0]!, label: 'Retail, "big"' }] }, words);
    expect(quoted.split('\n')[1]!.startsWith('"Retail, ""big""",3,')).toBe(true);
  });

  it('JSON: every figure, null where there is no data', () => {
    const json = JSON.parse(renderOutcomesJson(summary));
    expect(json.rows[0].estimateHours.planned).toBe(300);
    expect(json.rows[2].estimateHours.planned).toBeNull();
    expect(json.groupBy).toBe('dealtype');
  });
});
