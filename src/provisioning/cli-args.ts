import { readScriptArgs, usageLine, type ScriptSpec } from '../cli/script-args';

export interface CliArgs {
  command: 'plan' | 'apply';
  yes: boolean;
  json: boolean;
}

export const SPEC = {
  synopsis: 'npm run provision -- plan|apply [--yes] [--json]',
  description: `Provisions the data model in schemas/ (SCHEMAS_DIR) into the portal. Needs HUBSPOT_ACCESS_TOKEN.
  plan     read the portal and print what apply would change (no writes)
  apply    print the plan, ask for confirmation, then create and update what is missing

Exit codes: 0 done, 1 failed or conflicts found, 2 usage or configuration error.`,
  options: {
    yes: { type: 'boolean', short: 'y', description: 'apply without asking (needed when stdin is not a terminal)' },
    json: { type: 'boolean', description: "print the plan (and apply's summary) as JSON for CI" },
  },
  positionals: { min: 1, max: 1 },
} satisfies ScriptSpec;

export function parseCliArgs(argv: string[]): CliArgs | { error: string } | { help: string } {
  const r = readScriptArgs(SPEC, argv);
  if (r.kind === 'help') return { help: r.text };
  if (r.kind === 'error') return { error: r.line };
  const [command] = r.positionals;
  if (command !== 'plan' && command !== 'apply') return { error: usageLine(SPEC, `Unknown command "${command}": use plan or apply`) };
  const yes = r.values.yes === true;
  const json = r.values.json === true;
  if (command === 'apply' && json && !yes) return { error: usageLine(SPEC, 'apply --json prints JSON only, so it cannot ask: add --yes') };
  return { command, yes, json };
}
