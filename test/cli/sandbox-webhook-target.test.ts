import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadModel, objectByRole } from '../../src/model';

/**
 * `npm run sandbox` delivers webhooks to the local service by default, not to the hsmeta file's
 * unfilled "${SERVICE_ORIGIN}/webhooks/hubspot"; and the hsmeta file's contract subscriptions
 * (`${SERVICE_CONTRACT_OBJECT_TYPE_ID}`) apply once the contract object exists.
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

it("sends the contract's webhooks once the contract object exists (hsmeta names it by ${…_OBJECT_TYPE_ID})", async () => {
  const events: Array<{ objectTypeId?: string; propertyName?: string }> = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      events.push(...(JSON.parse(body) as typeof events));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  try {
    const hooks = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/hubspot`;
    const { url } = await startSandbox({ HUBSPOT_SANDBOX_WEBHOOK_TARGET: hooks, HUBSPOT_ACCESS_TOKEN: 'pat-t' });
    const api = (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { Authorization: 'Bearer pat-t', 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => (await r.json()) as { objectTypeId: string });
    const schema = await api('/crm-object-schemas/v3/schemas', {
      name: objectByRole(loadModel('schemas'), 'contract').name,
      labels: { singular: 'Contract', plural: 'Contracts' },
      primaryDisplayProperty: 'contract_name',
      requiredProperties: [],
      properties: [
        { name: 'contract_name', label: 'Name', type: 'string', fieldType: 'text' },
        { name: 'renewal_date', label: 'Renewal date', type: 'date', fieldType: 'date' },
      ],
      associatedObjects: [],
    });
    await api(`/crm/v3/objects/${schema.objectTypeId}`, { properties: { contract_name: 'C', renewal_date: '2027-01-31' } });
    await fetch(`${url}/_sandbox/webhooks/flush`, { method: 'POST' });
    expect(events).toEqual([expect.objectContaining({ objectTypeId: schema.objectTypeId, propertyName: 'renewal_date' })]);
  } finally {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  }
}, 30_000);
