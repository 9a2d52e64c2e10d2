import { Writable } from 'node:stream';
import { OWNERS, USER, seedCompany, seedDeal } from '../../scripts/lib/seed';
import { parseConfig } from '../../src/config';
import { startService, type ServiceConfig } from '../../src/service';
import { hubspotEvent, signV3 } from '../helpers/sign';
import { startFaultStack, type FaultStack } from './harness';
import { send, signedFor, WEBHOOK } from './post';

/**
 * The access token and the client secret never reach a log line, at the most verbose level, on
 * the paths where they are closest: signature failures (bad, stale, wrong-secret requests, one
 * carrying our own token in an Authorization header), normal processing, and HubSpot refusing the
 * token (401) — for a webhook batch, /readyz, the cards API and both scheduled jobs.
 */

const TOKEN = 'pat-na1-5ec12e7a-9c1d-4f0e-b3a2-7d8e9f001122';
const OLD_TOKEN = 'pat-na1-01d70ce5-0000-4f0e-b3a2-rotatedaway';
const SECRET = 'c1e7-5ec2e7-7a11-4b2c-9d8e-cafebabe0042';

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack({ logLevel: 'trace', logDestination: capture, sandbox: { accessToken: TOKEN, clientSecret: SECRET } });
});
afterAll(async () => stack?.close());

it('neither the access token nor the client secret appears in any log line', async () => {
  const { sandbox, service } = stack;
  expect([stack.config.HUBSPOT_ACCESS_TOKEN, stack.config.HUBSPOT_CLIENT_SECRET]).toEqual([TOKEN, SECRET]);
  const deal = seedDeal(sandbox, { name: 'Logged deal', companyId: seedCompany(sandbox, 'Logged Co') });

  // Signature failures on the webhook and the cards API.
  const body = JSON.stringify([hubspotEvent({ objectId: Number(deal) })]);
  await send(service.url, WEBHOOK, { body, headers: signedFor(service.url, body, 'wrong-secret-0000') });
  await send(service.url, WEBHOOK, { body, headers: signedFor(service.url, body, SECRET, Date.now() - 360_000) });
  await send(service.url, WEBHOOK, {
    body,
    headers: { ...signedFor(service.url, body, SECRET), 'X-HubSpot-Signature-v3': SECRET, authorization: `Bearer ${TOKEN}` },
  });
  await send(service.url, `/api/cards/deals/${deal}?secret=${SECRET}`, { method: 'GET', headers: { authorization: `Bearer ${TOKEN}` } });

  // Normal processing, with the stand-in's real deliveries.
  sandbox.updateObject('deals', deal, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep), emitWebhooks: true });
  await sandbox.idle();
  expect(sandbox.getObject('deals', deal)!.properties.gate_status).toBe('blocked');

  // A replica still holding a rotated-away token: HubSpot answers 401 everywhere.
  const stale = await startService(
    parseConfig({
      ...envOf(stack.config),
      HUBSPOT_ACCESS_TOKEN: OLD_TOKEN,
      SCHEDULER: 'on',
      SWEEP_CRON: '* * * * * *',
      RENEWAL_CRON: '* * * * * *',
    }) as ServiceConfig,
    stack.logger,
    { port: 0, host: '127.0.0.1', model: stack.model },
  );
  try {
    const replay = JSON.stringify([hubspotEvent({ objectId: Number(deal), portalId: sandbox.portalId })]);
    const webhook = await send(stale.url, WEBHOOK, { body: replay, headers: signedFor(stale.url, replay, SECRET) });
    expect(webhook.status).toBe(500);
    expect((await send(stale.url, '/readyz', { method: 'GET' })).status).toBe(503);
    const cardUrl = `${stale.url}/api/cards/deals/${deal}`;
    const card = await send(stale.url, `/api/cards/deals/${deal}`, {
      method: 'GET',
      headers: signV3({ method: 'GET', url: cardUrl, body: '', secret: SECRET }),
    });
    expect(card.status).toBe(502);
    await new Promise((resolve) => setTimeout(resolve, 1_300)); // both jobs run (and fail) once
    const metrics = await stale.metrics.registry.metrics();
    expect(metrics).toMatch(/throughline_hubspot_calls_total\{operation="[^"]+",outcome="refused"\} [1-9]/);
  } finally {
    await stale.close();
  }

  const log = lines.join('');
  // The failures were logged (so the assertion below is not vacuous) …
  for (const expected of [
    'invalid_signature',
    'stale_timestamp',
    'HubSpot rejected the access token (401)',
    'not ready',
    'scheduled job failed',
    'webhook batch gated',
  ]) {
    expect([expected, log.includes(expected)]).toEqual([expected, true]);
  }
  // … without the secrets, whole or in recognisable part.
  for (const secret of [TOKEN, OLD_TOKEN, SECRET, TOKEN.slice(-20), OLD_TOKEN.slice(-20), SECRET.slice(-20)]) {
    expect([secret, log.includes(secret)]).toEqual([secret, false]);
  }
});

function envOf(config: ServiceConfig): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
}
