import { Client } from '@hubspot/api-client';
import { startSandbox, type Sandbox, type SandboxOptions } from '@throughline/sandbox';

/** A stand-in and an unmodified @hubspot/api-client pointed at it (no retries, no limiter). */
export interface Harness {
  sandbox: Sandbox;
  client: Client;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ webhookRetrySchedule: [10, 20, 40], ...options });
  const client = new Client({ accessToken: sandbox.accessToken, basePath: sandbox.url, numberOfApiCallRetries: 0 });
  return { sandbox, client };
}
