import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

/**
 * A missing or malformed variable, or a port that cannot be listened on, stops each entry point
 * with exactly one line on stderr that names the variable and the fix: no stack trace, no retries.
 */

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules/.bin/tsx');
const BASE = {
  THROUGHLINE_SKIP_DOTENV: '1',
  HUBSPOT_ACCESS_TOKEN: 'pat-na1-00000000-test',
  HUBSPOT_CLIENT_SECRET: 'client-secret-for-tests',
  HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9',
  LOG_LEVEL: 'silent',
};

function run(file: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stderr: string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, ...BASE, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete full[k];
  return new Promise((resolve) => {
    execFile(tsx, [file, ...args], { cwd: root, env: full, timeout: 25_000 }, (err, _stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stderr });
    });
  });
}

const oneLine = (stderr: string) => stderr.trimEnd().split('\n');

let busy: Server;
let busyPort: number;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '0.0.0.0', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

it.each([
  ['HUBSPOT_API_BASE_URL', 'api.hubapi.com', 'without a scheme'],
  ['HUBSPOT_API_BASE_URL', 'ftp://api.hubapi.com', 'ftp://'],
  ['HUBSPOT_ACCESS_TOKEN', undefined, 'missing'],
])('npm run gate with %s %s (%s): one line naming it, exit 2', async (name, value, _why) => {
  const r = await run('scripts/gate.ts', ['123'], { [name]: value });
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^Configuration error: ${name} is (malformed|not set): it should be `))]);
});

it('npm start refuses a plain-http PUBLIC_BASE_URL that is not loopback, in one line', async () => {
  const r = await run('src/server.ts', [], { PUBLIC_BASE_URL: 'http://throughline.example.com' });
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toEqual([expect.stringContaining('PUBLIC_BASE_URL is malformed: it should be the HTTPS origin HubSpot calls')]);
});

it('npm start on a busy PORT: one line naming PORT and the fix', async () => {
  const r = await run('src/server.ts', [], { PORT: String(busyPort) });
  expect(r.code).toBe(2);
  expect(oneLine(r.stderr)).toEqual([`PORT=${busyPort}: the port is already in use. Stop what listens there, or set PORT to a free port.`]);
});

it.each([
  [{ PORT: 'BUSY' }, /^PORT=\d+: the port is already in use\. .*set PORT to a free port\.$/],
  [{ HUBSPOT_SANDBOX_PORT: 'BUSY' }, /^HUBSPOT_SANDBOX_PORT=\d+: the port is already in use\. .*set HUBSPOT_SANDBOX_PORT/],
  [{ PORT: 'eighty' }, /^Configuration error: PORT is malformed: it should be a TCP port/],
  [{ HUBSPOT_SANDBOX_PORT: '4010x' }, /^Configuration error: HUBSPOT_SANDBOX_PORT is malformed/],
])(
  'npm run demo -- --serve with %j: one line',
  async (env, line) => {
    const filled = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === 'BUSY' ? String(busyPort) : v]));
    const r = await run('scripts/demo.ts', ['--serve'], { PORT: '3999', HUBSPOT_SANDBOX_PORT: '0', ...filled });
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toEqual([expect.stringMatching(line)]);
  },
  30_000,
);

it('npm run sandbox on a busy HUBSPOT_SANDBOX_PORT: one line naming it', async () => {
  const r = await run('scripts/sandbox.ts', [], { HUBSPOT_SANDBOX_PORT: String(busyPort) });
  expect(r.code).not.toBe(0);
  expect(oneLine(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^HUBSPOT_SANDBOX_PORT=${busyPort}: the port is already in use`))]);
});
