import { helpText, readScriptArgs, type ScriptSpec } from '../../src/cli/script-args';

const SPEC = {
  synopsis: 'npm run thing -- <id> [--when YYYY-MM-DD] [--dry-run]',
  description: 'Does a thing.',
  options: {
    when: { type: 'string', value: 'YYYY-MM-DD', description: 'the day' },
    'dry-run': { type: 'boolean', description: 'write nothing' },
  },
  positionals: { min: 1, max: 1 },
} satisfies ScriptSpec;

describe('readScriptArgs (the one parser of every script)', () => {
  it('reads declared options and positionals', () => {
    expect(readScriptArgs(SPEC, ['42', '--when', '2027-01-02', '--dry-run'])).toEqual({
      kind: 'ok',
      values: { when: '2027-01-02', 'dry-run': true },
      positionals: ['42'],
    });
  });

  it('answers --help (or -h) from the declaration, even beside a bad flag', () => {
    for (const argv of [['--help'], ['-h'], ['--nonsense', '--help']]) {
      const r = readScriptArgs(SPEC, argv);
      expect(r).toEqual({ kind: 'help', text: helpText(SPEC) });
    }
    const text = helpText(SPEC);
    expect(text).toMatch(/^Usage: npm run thing -- <id>/);
    expect(text).toContain('--when <YYYY-MM-DD>');
    expect(text).toContain('-h, --help');
  });

  it.each([
    [['42', '--bogus'], "Unknown option '--bogus'"],
    [['42', '--when'], "Option '--when <value>' argument missing"],
    [['42', '43'], "Unexpected argument '43'"],
    [[], 'Missing argument'],
    [['42', '--dry-run=yes'], "Option '--dry-run' does not take an argument"],
  ])('refuses %j in one line with the usage', (argv, problem) => {
    const r = readScriptArgs(SPEC, argv);
    expect(r.kind).toBe('error');
    const line = (r as { line: string }).line;
    expect(line).toBe(`${problem}. Usage: ${SPEC.synopsis}  (--help for more)`);
    expect(line).not.toContain('\n');
  });
});
