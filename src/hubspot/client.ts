import { Client } from '@hubspot/api-client';
import type { Config } from '../config';

export type HubSpotClient = Client;

export interface ClientSettings {
  accessToken: string;
  basePath: string;
  /** Requests per 10 s; 0 = no limiter (tests against the local stand-in). */
  requestsPer10s?: number;
}

let shared: { key: string; client: Client } | undefined;

/**
 * One client per process: the client's limiter is process-wide. Its own retries are off because
 * every call goes through withRetry (see retry.ts). The limiter keeps us under HubSpot's
 * 190 requests / 10 s for private apps with a little headroom.
 */
export function hubSpotClient(settings: ClientSettings): Client {
  const perWindow = settings.requestsPer10s ?? 180;
  const key = `${settings.basePath}|${settings.accessToken}|${perWindow}`;
  if (shared?.key === key) return shared.client;
  const client = new Client({
    accessToken: settings.accessToken,
    basePath: settings.basePath,
    numberOfApiCallRetries: 0,
    limiterOptions: perWindow
      ? { maxConcurrent: 8, reservoir: perWindow, reservoirRefreshAmount: perWindow, reservoirRefreshInterval: 10_000 }
      : { maxConcurrent: 16 },
  });
  shared = { key, client };
  return client;
}

export function clientSettingsFrom(
  config: Pick<Config, 'HUBSPOT_API_BASE_URL' | 'HUBSPOT_REQUESTS_PER_10S'> & { HUBSPOT_ACCESS_TOKEN: string },
): ClientSettings {
  return { accessToken: config.HUBSPOT_ACCESS_TOKEN, basePath: config.HUBSPOT_API_BASE_URL, requestsPer10s: config.HUBSPOT_REQUESTS_PER_10S };
}
