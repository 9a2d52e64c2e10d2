// npm run project:webhooks [-- --check | --without-custom-objects | --from-portal --profile <name>]
// (see src/project/webhooks-cli.ts)
import { join } from 'node:path';
import { loadConfigOrExit } from '../src/config';
import { clientSettingsFrom, hubSpotClient } from '../src/hubspot/client';
import { PortalSchemaGateway } from '../src/hubspot/portal-schema';
import { loadModel } from '../src/model';
import { runWebhooksCli } from '../src/project/webhooks-cli';

void runWebhooksCli(process.argv.slice(2), {
  root: join(__dirname, '..'),
  loadModel: () => loadModel(process.env.SCHEMAS_DIR ?? 'schemas'),
  readSchemas: async () => {
    const config = loadConfigOrExit('HUBSPOT_ACCESS_TOKEN');
    const reader = new PortalSchemaGateway(hubSpotClient(clientSettingsFrom(config)), {
      retries: config.HUBSPOT_RETRIES,
      baseMs: config.HUBSPOT_RETRY_BASE_MS,
    });
    return reader.listObjectSchemas();
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
