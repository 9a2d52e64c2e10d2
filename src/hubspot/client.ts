import { Client } from '@hubspot/api-client';
import type { Config } from '../config';

export type HubSpotClient = Client;

export interface ClientSettings {
  accessToken: string;
  basePath: string;
}

let shared: { key: string; client: Client } | undefined;

/**
 * One client per process: the client's limiter is process-wide. Its own retries are off because
 * every call goes through withRetry (see retry.ts). The limiter keeps us under HubSpot's
 * 190 requests / 10 s for private apps with a little headroom.
 */
export function hubSpotClient(settings: ClientSettings): Client {
  const key = `${settings.basePath}|${settings.accessToken}`;
  if (shared?.key === key) return shared.client;
  const client = new Client({
    accessToken: settings.accessToken,
    basePath: settings.basePath,
    numberOfApiCallRetries: 0,
    limiterOptions: {
      maxConcurrent: 8,
      reservoir: 180,
      reservoirRefreshAmount: 180,
      reservoirRefreshInterval: 10_000,
      id: `throughline-${shared ? Date.now() : 'main'}`,
    },
  });
  shared = { key, client };
  return client;
}

export function clientSettingsFrom(config: Pick<Config, 'HUBSPOT_ACCESS_TOKEN' | 'HUBSPOT_API_BASE_URL'> & { HUBSPOT_ACCESS_TOKEN: string }): ClientSettings {
  return { accessToken: config.HUBSPOT_ACCESS_TOKEN, basePath: config.HUBSPOT_API_BASE_URL };
}
