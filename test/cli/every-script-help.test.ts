import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every script in package.json answers `--help` with its usage and exit 0 without configuration or
 * network (no token; the API base URL points at a closed port), and refuses an unknown flag in one
 * line with a non-zero exit, before it reads configuration. Spawned as a user runs them.
 */

const root = join(__dirname, '..', '..');
const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

/** Scripts that hand their arguments to a tool (tsc, eslint, prettier, jest) or only build: the tool's own help applies. */
const TOOLS = new Set(['build', 'typecheck', 'lint', 'format', 'test', 'prestart']);
/** `npm start` builds first (prestart); the entry point it runs is checked directly. */
const DIRECT: Record<string, string[]> = { start: [join(root, 'node_modules/.bin/tsx'), 'src/server.ts'] };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9', THROUGHLINE_SKIP_DOTENV: '' };
  delete env.HUBSPOT_ACCESS_TOKEN;
  const [cmd, ...pre] = DIRECT[script] ?? ['npm', 'run', '-s', script, '--'];
  return new Promise((resolve) => {
    execFile(cmd!, [...pre, ...args], { cwd: root, env, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

const ours = scripts.filter((s) => !TOOLS.has(s));
const results = new Map<string, { help: Run; unknown: Run }>();

beforeAll(async () => {
  // Two at a time: each is a node process starting tsx.
  const queue = [...ours];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) results.set(s, { help: await run(s, ['--help']), unknown: await run(s, ['--no-such-flag']) });
  };
  await Promise.all([worker(), worker()]);
}, 180_000);

it('covers every script in package.json', () => {
  expect(ours).toEqual(
    expect.arrayContaining(['provision', 'sandbox', 'demo', 'gate', 'sweep', 'renewals', 'bench', 'project:webhooks', 'status', 'card', 'start']),
  );
  expect(scripts.filter((s) => !TOOLS.has(s) && !ours.includes(s))).toEqual([]);
});

describe.each(ours)('%s', (script) => {
  it('--help prints the usage and its options, and exits 0', () => {
    const { help } = results.get(script)!;
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: /);
    expect(help.stdout).toContain('Options:');
    expect(help.stdout).toContain('--help');
  });

  it('refuses an unknown flag in one line, exit non-zero, naming the flag', () => {
    const { unknown } = results.get(script)!;
    expect(unknown.code).not.toBe(0);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining("Unknown option '--no-such-flag'")]);
    expect(unknown.stderr).toContain('Usage: ');
  });
});
