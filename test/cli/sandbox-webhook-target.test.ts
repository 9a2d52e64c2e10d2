import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run sandbox` delivers webhooks to the local service by default, not to the hsmeta file's
 * unfilled "${SERVICE_ORIGIN}/webhooks/hubspot".
 */

const root = join(__dirname, '..', '..');
let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGTERM');
});

async function startSandbox(env: Record<string, string>): Promise<{ url: string; output: string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, HUBSPOT_SANDBOX_PORT: '0', HUBSPOT_SANDBOX_ROLLING_LIMIT: 'off', ...env };
  delete full.HUBSPOT_SANDBOX_WEBHOOK_TARGET;
  Object.assign(full, env);
  const c = spawn(join(root, 'node_modules/.bin/tsx'), ['scripts/sandbox.ts'], { cwd: root, env: full });
  child = c;
  let output = '';
  return new Promise((resolve, reject) => {
    c.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m && output.includes('webhooks →')) resolve({ url: m[1]!, output });
    });
    c.on('exit', (code) => reject(new Error(`sandbox exited ${code}: ${output}`)));
  });
}

it('defaults the webhook target to http://127.0.0.1:$PORT/webhooks/hubspot and prints it', async () => {
  const { url, output } = await startSandbox({ PORT: '3210' });
  const state = (await (await fetch(`${url}/_sandbox/webhooks`)).json()) as { targetUrl: string | null; subscriptions: unknown[] };
  expect(state.targetUrl).toBe('http://127.0.0.1:3210/webhooks/hubspot');
  expect(state.subscriptions.length).toBeGreaterThan(0);
  expect(output).toContain('webhooks → http://127.0.0.1:3210/webhooks/hubspot');
  expect(output).not.toContain('${SERVICE_ORIGIN}');
}, 30_000);

it('takes HUBSPOT_SANDBOX_WEBHOOK_TARGET when set', async () => {
  const { url } = await startSandbox({ HUBSPOT_SANDBOX_WEBHOOK_TARGET: 'http://127.0.0.1:9999/hooks' });
  const state = (await (await fetch(`${url}/_sandbox/webhooks`)).json()) as { targetUrl: string | null };
  expect(state.targetUrl).toBe('http://127.0.0.1:9999/hooks');
}, 30_000);
