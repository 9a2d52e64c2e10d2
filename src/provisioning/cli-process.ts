import { createInterface } from 'node:readline/promises';
import { loadConfigOrExit, type Config } from '../config';
import { clientSettingsFrom, hubSpotClient } from '../hubspot/client';
import { PortalSchemaGateway } from '../hubspot/portal-schema';
import { loadModel } from '../model';
import { runProvisionCli, type ProvisionCliDeps } from './cli';
import type { ProvisioningGateway } from './gateway';

async function askOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === 'yes' || answer === 'y';
  } finally {
    rl.close();
  }
}

/** Wires the CLI to this process: config (read only once arguments are valid), client, terminal. */
export function processDeps(): ProvisionCliDeps {
  let config: (Config & { HUBSPOT_ACCESS_TOKEN: string }) | undefined;
  const getConfig = () => (config ??= loadConfigOrExit('HUBSPOT_ACCESS_TOKEN'));
  let gateway: ProvisioningGateway | undefined;
  return {
    loadModel: () => loadModel(getConfig().SCHEMAS_DIR),
    gateway: () => {
      const c = getConfig();
      gateway ??= new PortalSchemaGateway(hubSpotClient(clientSettingsFrom(c)), {
        retries: c.HUBSPOT_RETRIES,
        baseMs: c.HUBSPOT_RETRY_BASE_MS,
        onRetry: (err, attempt, ms) =>
          process.stderr.write(
            `  … ${err.status ? `HubSpot answered ${err.status}` : 'HubSpot could not be reached'} during ${err.operation}; retry ${attempt} in ${ms} ms\n`,
          ),
      });
      return gateway;
    },
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    confirm: askOnTerminal,
    interactive: process.stdin.isTTY === true,
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  };
}

export async function runProvisionCliInProcess(argv: string[]): Promise<number> {
  return runProvisionCli(argv, processDeps());
}
