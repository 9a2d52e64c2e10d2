/**
 * Run the local HubSpot stand-in: `npx tsx scripts/sandbox.ts`.
 * Point the service at it with HUBSPOT_API_BASE_URL=<the printed URL> and the same token/secret/app id.
 *
 * Environment (all optional; the sandbox itself never reads the environment):
 *   HUBSPOT_SANDBOX_PORT            port (default 4010)
 *   HUBSPOT_ACCESS_TOKEN            token callers must send (default pat-sandbox-token)
 *   HUBSPOT_CLIENT_SECRET           signs webhooks (default sandbox-client-secret)
 *   HUBSPOT_APP_ID                  app id, the sourceId of the token's writes (default 1000001)
 *   HUBSPOT_SANDBOX_WEBHOOK_TARGET  where webhooks go (default: targetUrl of the hsmeta file)
 *   HUBSPOT_SANDBOX_HSMETA          webhooks-hsmeta.json (default extensions/app/webhooks/webhooks-hsmeta.json if present)
 *   HUBSPOT_SANDBOX_ROLLING_LIMIT   "off" to disable the 190 requests / 10 s limit (on here, off in tests)
 *   HUBSPOT_SANDBOX_SEED            PRNG seed for probabilistic faults
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../src/sandbox';

async function main(): Promise<void> {
  const env = process.env;
  const hsmeta = env['HUBSPOT_SANDBOX_HSMETA'] ?? resolve('extensions/app/webhooks/webhooks-hsmeta.json');
  const port = Number(env['HUBSPOT_SANDBOX_PORT'] ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`HUBSPOT_SANDBOX_PORT must be a port number, got ${env['HUBSPOT_SANDBOX_PORT']}`);
  const target = env['HUBSPOT_SANDBOX_WEBHOOK_TARGET'];
  const seed = env['HUBSPOT_SANDBOX_SEED'];

  const sandbox = await startSandbox({
    port,
    accessToken: env['HUBSPOT_ACCESS_TOKEN'] || 'pat-sandbox-token',
    clientSecret: env['HUBSPOT_CLIENT_SECRET'] || 'sandbox-client-secret',
    appId: env['HUBSPOT_APP_ID'] || '1000001',
    ...(existsSync(hsmeta) ? { webhooksHsmetaPath: hsmeta } : {}),
    ...(target ? { webhookTargetUrl: target } : {}),
    ...(seed ? { seed: Number(seed) } : {}),
    faults: env['HUBSPOT_SANDBOX_ROLLING_LIMIT'] === 'off' ? {} : { rollingLimit: { max: 190, intervalMs: 10_000 } },
  });

  const auth = `-H 'Authorization: Bearer ${sandbox.accessToken}'`;
  const lines = [
    `HubSpot sandbox listening on ${sandbox.url}  (portal ${sandbox.portalId}, app ${sandbox.appId})`,
    `service: HUBSPOT_API_BASE_URL=${sandbox.url} HUBSPOT_ACCESS_TOKEN=${sandbox.accessToken} HUBSPOT_CLIENT_SECRET=${sandbox.clientSecret} HUBSPOT_APP_ID=${sandbox.appId}`,
    `webhooks → ${sandbox.webhookTarget() ?? '(no target: set HUBSPOT_SANDBOX_WEBHOOK_TARGET)'}; subscriptions: ${sandbox.webhookSubscriptions().length}`,
    '',
    'Try:',
    `  curl -s ${auth} ${sandbox.url}/crm/v3/pipelines/deals`,
    `  curl -s ${auth} -H 'Content-Type: application/json' -d '{"properties":{"dealname":"Demo"}}' ${sandbox.url}/crm/v3/objects/deals`,
    `  curl -s ${auth} -H 'Content-Type: application/json' -H 'X-Sandbox-Act-As: userId:9100001' -X PATCH -d '{"properties":{"dealstage":"closedwon"}}' ${sandbox.url}/crm/v3/objects/deals/<id>`,
    `  curl -s ${sandbox.url}/_sandbox/calls            # counters`,
    `  curl -s ${sandbox.url}/_sandbox/webhooks         # delivery log`,
    `  curl -s -X POST -H 'Content-Type: application/json' -d '{"rateLimit429":0.1}' ${sandbox.url}/_sandbox/faults`,
    `  curl -s -X POST -H 'Content-Type: application/json' -d '{"now":"2025-01-01T00:00:00Z"}' ${sandbox.url}/_sandbox/clock`,
    `  curl -s -X POST ${sandbox.url}/_sandbox/reset`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const shutdown = (signal: string) => {
    process.stdout.write(`\n${signal}: stopping the sandbox\n`);
    void sandbox.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
