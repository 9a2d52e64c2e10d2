import { createHmac } from 'node:crypto';

/** HubSpot signature v3: base64(HMAC-SHA256(clientSecret, method + uri + rawBody + timestamp)). */
export function signV3(clientSecret: string, method: string, uri: string, rawBody: string, timestamp: number): string {
  return createHmac('sha256', clientSecret).update(`${method}${uri}${rawBody}${timestamp}`, 'utf8').digest('base64');
}
