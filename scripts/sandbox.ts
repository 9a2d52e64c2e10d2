/**
 * Run the local HubSpot stand-in: `npm run sandbox` (see --help for the environment).
 * Point the service at it with HUBSPOT_API_BASE_URL=<the printed URL> and the same token/secret/app id.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeListenError } from '../src/cli/listen-error';
import { parseScriptArgs, refuse, type ScriptSpec } from '../src/cli/script-args';
import { pickConfigOrExit } from '../src/config';
import { startSandbox } from '@throughline/sandbox';

const SPEC: ScriptSpec = {
  synopsis: 'npm run sandbox',
  description: `Runs the local HubSpot stand-in until Ctrl-C; the service talks to it as to HubSpot. Needs
no HubSpot account. Environment (all optional; the stand-in itself never reads it):
  HUBSPOT_SANDBOX_PORT            port (default 4010)
  HUBSPOT_SANDBOX_HOST            address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
  HUBSPOT_ACCESS_TOKEN            token callers must send (default pat-sandbox-token)
  HUBSPOT_CLIENT_SECRET           signs webhooks (default sandbox-client-secret)
  HUBSPOT_APP_ID                  app id, the sourceId of the token's writes (default 1000001)
  HUBSPOT_SANDBOX_WEBHOOK_TARGET  where webhooks go (default the local service,
                                  http://127.0.0.1:$PORT/webhooks/hubspot, PORT default 3000)
  HUBSPOT_SANDBOX_HSMETA          webhooks-hsmeta.json for the subscriptions
                                  (default extensions/app/webhooks/webhooks-hsmeta.json)
  HUBSPOT_SANDBOX_ROLLING_LIMIT   "off" to disable the 190 requests / 10 s limit
  HUBSPOT_SANDBOX_SEED            PRNG seed for probabilistic faults`,
};

/**
 * The hsmeta file's targetUrl is "${SERVICE_ORIGIN}/webhooks/hubspot", a HubSpot profile variable
 * nothing fills in locally; the service a developer runs next to the stand-in is the useful default.
 */
function webhookTarget(env: NodeJS.ProcessEnv, servicePort: number): string {
  const target = env['HUBSPOT_SANDBOX_WEBHOOK_TARGET'];
  if (!target) return `http://127.0.0.1:${servicePort}/webhooks/hubspot`;
  if (/\$\{/.test(target) || !/^https?:\/\/[^/]/.test(target))
    refuse(`HUBSPOT_SANDBOX_WEBHOOK_TARGET must be an http(s) URL such as http://127.0.0.1:3000/webhooks/hubspot, not "${target}".`);
  return target;
}

async function main(): Promise<void> {
  parseScriptArgs(SPEC);
  const env = process.env;
  const { HUBSPOT_SANDBOX_PORT: port, PORT: servicePort } = pickConfigOrExit('HUBSPOT_SANDBOX_PORT', 'PORT');
  const hsmeta = env['HUBSPOT_SANDBOX_HSMETA'] ?? resolve('extensions/app/webhooks/webhooks-hsmeta.json');
  const target = webhookTarget(env, servicePort);
  const seed = env['HUBSPOT_SANDBOX_SEED'];
  if (seed !== undefined && !Number.isInteger(Number(seed))) refuse(`HUBSPOT_SANDBOX_SEED must be a whole number, not "${seed}".`);

  const sandbox = await startSandbox({
    port,
    host: env['HUBSPOT_SANDBOX_HOST'] || '127.0.0.1',
    accessToken: env['HUBSPOT_ACCESS_TOKEN'] || 'pat-sandbox-token',
    clientSecret: env['HUBSPOT_CLIENT_SECRET'] || 'sandbox-client-secret',
    appId: env['HUBSPOT_APP_ID'] || '1000001',
    ...(existsSync(hsmeta) ? { webhooksHsmetaPath: hsmeta } : {}),
    webhookTargetUrl: target,
    ...(seed ? { seed: Number(seed) } : {}),
    faults: env['HUBSPOT_SANDBOX_ROLLING_LIMIT'] === 'off' ? {} : { rollingLimit: { max: 190, intervalMs: 10_000 } },
  });

  const auth = `-H 'Authorization: Bearer ${sandbox.accessToken}'`;
  const lines = [
    `HubSpot sandbox listening on ${sandbox.url}  (portal ${sandbox.portalId}, app ${sandbox.appId})`,
    `service: HUBSPOT_API_BASE_URL=${sandbox.url} HUBSPOT_ACCESS_TOKEN=${sandbox.accessToken} HUBSPOT_CLIENT_SECRET=${sandbox.clientSecret} HUBSPOT_APP_ID=${sandbox.appId}`,
    `webhooks → ${sandbox.webhookTarget()} (HUBSPOT_SANDBOX_WEBHOOK_TARGET); subscriptions: ${sandbox.webhookSubscriptions().length}`,
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
  const busy = describeListenError(err, 'HUBSPOT_SANDBOX_PORT', (err as { port?: number }).port ?? 0);
  process.stderr.write(`${busy ?? `sandbox: ${err instanceof Error ? err.message : String(err)}`}\n`);
  process.exit(1);
});
