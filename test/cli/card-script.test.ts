import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { HANDOFF_COMPLETE, namesOf, seedCompany, seedDeal, seedOwners } from '../../scripts/lib/seed';
import { signRequestV3 } from '../../src/webhooks/signature';
import { signatureV3 } from '../helpers/sign';

/**
 * `npm run card -- <dealId|company:ID>`: the real service on the stand-in, called by the script
 * signed as hubspot.fetch signs, the card printed as text. The signature is the verifier's own
 * (src/webhooks/signature.ts) and agrees with the independent test signer.
 */

const root = join(__dirname, '..', '..');
let stack: Stack;
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack();
  await stack.provision();
  namesOf(stack.model);
  seedOwners(stack.sandbox);
  ids.company = seedCompany(stack.sandbox, 'Card Script Ltd');
  ids.deal = seedDeal(stack.sandbox, { name: 'Card script rollout', companyId: ids.company, props: HANDOFF_COMPLETE });
}, 60_000);
afterAll(async () => stack?.close());

function card(args: string[], secret = stack.config.HUBSPOT_CLIENT_SECRET): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, THROUGHLINE_SKIP_DOTENV: '1', HUBSPOT_CLIENT_SECRET: secret };
  delete env.HUBSPOT_ACCESS_TOKEN;
  delete env.PUBLIC_BASE_URL;
  return new Promise((resolve) => {
    execFile(
      join(root, 'node_modules/.bin/tsx'),
      ['scripts/card.ts', ...args, '--service', stack.service.url],
      { cwd: root, env, timeout: 25_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

it('signs exactly as the independent v3 signer does', () => {
  const uri = 'https://throughline.example.com/api/cards/deals/42?x=a%3Ab';
  const headers = signRequestV3({ method: 'GET', uri, clientSecret: 'test-client-secret-123', now: 1_700_000_000_000 });
  expect(headers['X-HubSpot-Signature-v3']).toBe(signatureV3({ method: 'GET', url: uri, body: '', timestamp: 1_700_000_000_000 }));
  expect(headers['X-HubSpot-Request-Timestamp']).toBe('1700000000000');
});

it('prints the deal card as text', async () => {
  const r = await card([ids.deal!]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^┌ Deal card — Card script rollout /);
  expect(r.stdout).toMatch(/Close gate: .* of \d+ checks done/);
}, 30_000);

it('prints the company card for company:ID', async () => {
  const r = await card([`company:${ids.company}`]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^┌ Company card — Card Script Ltd /);
  expect(r.stdout).toContain('Card script rollout');
}, 30_000);

it('with the wrong client secret: the service refuses it, one line that says what to check', async () => {
  const r = await card([ids.deal!], 'not-the-apps-secret');
  expect(r.code).toBe(1);
  expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^The service answered 401 .*HUBSPOT_CLIENT_SECRET/)]);
}, 30_000);
