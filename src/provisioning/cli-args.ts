export interface CliArgs {
  command: 'plan' | 'apply';
  yes: boolean;
  json: boolean;
}

export const USAGE = `Usage: npm run provision -- plan|apply [--yes] [--json]

  plan     read the portal and print what apply would change (no writes)
  apply    print the plan, ask for confirmation, then create and update what is missing
  --yes    apply without asking (needed when stdin is not a terminal)
  --json   print the plan (and apply's summary) as JSON for CI

Exit codes: 0 done, 1 failed or conflicts found, 2 usage or configuration error.`;

export function parseCliArgs(argv: string[]): CliArgs | { error: string } {
  const flags = argv.filter((a) => a.startsWith('-'));
  const words = argv.filter((a) => !a.startsWith('-'));
  const unknown = flags.filter((f) => !['--yes', '-y', '--json'].includes(f));
  if (unknown.length) return { error: `unknown option ${unknown.join(', ')}` };
  const [command, ...extra] = words;
  if (command !== 'plan' && command !== 'apply') {
    return { error: command ? `unknown command "${command}" — use plan or apply` : 'missing command — use plan or apply' };
  }
  if (extra.length) return { error: `unexpected argument ${extra.join(' ')}` };
  const yes = flags.includes('--yes') || flags.includes('-y');
  const json = flags.includes('--json');
  if (command === 'apply' && json && !yes) return { error: 'apply --json prints JSON only, so it cannot ask: add --yes' };
  return { command, yes, json };
}
