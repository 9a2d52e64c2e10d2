import { parseArgs } from 'node:util';

/**
 * The one argument parser of every script (node:util parseArgs, strict): each script declares its
 * synopsis, what it does, its options and how many positional arguments it takes. `--help` is
 * answered from the declaration alone, before any configuration is read or a call is made; an
 * unknown flag, a missing value or a wrong number of arguments is refused in one line.
 */

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** For string options, what the value looks like in the help, e.g. YYYY-MM-DD. */
  value?: string;
  description: string;
}

export interface ScriptSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** How it is called, e.g. `npm run gate -- <dealId>`. */
  synopsis: string;
  /** What it does, and anything a caller should know (exit codes, environment). */
  description: string;
  options?: O;
  /** How many positional arguments; default none. */
  positionals?: { min: number; max: number };
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? (O[K]['multiple'] extends true ? boolean[] : boolean) : O[K]['multiple'] extends true ? string[] : string;
};

export type ScriptArgs<O extends Record<string, OptionSpec>> =
  { kind: 'ok'; values: Values<O>; positionals: string[] } | { kind: 'help'; text: string } | { kind: 'error'; line: string };

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'print this help and exit, touching nothing' };

export function helpText(spec: ScriptSpec): string {
  const options = Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` <${o.value ?? 'value'}>` : ''}`;
    return `  ${flag.padEnd(28)} ${o.description}`;
  });
  return `Usage: ${spec.synopsis}\n\n${spec.description.trim()}\n\nOptions:\n${options.join('\n')}\n`;
}

/** One line: what was wrong, and how the script is called. */
export function usageLine(spec: ScriptSpec, problem: string): string {
  return `${problem.replace(/\.$/, '')}. Usage: ${spec.synopsis}  (--help for more)`;
}

/** node:util's messages go on with advice about `--`; the first sentence says what is wrong. */
const firstSentence = (message: string) => message.split(/\.\s/)[0]!.trim();

/** Pure: reads argv against the declaration. */
export function readScriptArgs<O extends Record<string, OptionSpec>>(spec: ScriptSpec<O>, argv: string[]): ScriptArgs<O> {
  const declared = { ...spec.options, help: HELP } as Record<string, OptionSpec>;
  const options = Object.fromEntries(
    Object.entries(declared).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
  // --help wins over everything else on the line, so `sweep --nonsense --help` still explains.
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help', text: helpText(spec) };
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (err) {
    return { kind: 'error', line: usageLine(spec, firstSentence((err as Error).message)) };
  }
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  const got = parsed.positionals;
  if (got.length > max) return { kind: 'error', line: usageLine(spec, `Unexpected argument '${got.slice(max).join(' ')}'`) };
  if (got.length < min) return { kind: 'error', line: usageLine(spec, `Missing argument${min - got.length > 1 ? 's' : ''}`) };
  const { help: _help, ...values } = parsed.values;
  return { kind: 'ok', values: values as Values<O>, positionals: got };
}

/** For a script's entry point: prints help (exit 0) or the one-line refusal (exit 2), else returns. */
export function parseScriptArgs<O extends Record<string, OptionSpec>>(
  spec: ScriptSpec<O>,
  argv: string[] = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  const r = readScriptArgs(spec, argv);
  if (r.kind === 'help') {
    process.stdout.write(r.text);
    process.exit(0);
  }
  if (r.kind === 'error') refuse(r.line);
  return r;
}

/** A refusal found after parsing (a malformed id or date): one line, exit 2. */
export function refuse(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(2);
}
