import { createHmac } from 'node:crypto';

/**
 * An independent HubSpot signature v3 signer for tests, written apart from src/webhooks/signature.ts
 * (plain string building and split/join, no regular expressions), so a mistake in the verifier is
 * not mirrored here. A Buffer body (for byte-level tests such as invalid UTF-8) is hashed as bytes.
 *
 *   base64( HMAC-SHA256( secret, METHOD + decoded URL + body + timestamp ) )
 *
 * HubSpot decodes these escapes in the URL before signing, and nothing else:
 */
const DECODED_BEFORE_SIGNING: Array<[string, string]> = [
  ['%3A', ':'],
  ['%2F', '/'],
  ['%3F', '?'],
  ['%40', '@'],
  ['%21', '!'],
  ['%24', '$'],
  ['%27', "'"],
  ['%28', '('],
  ['%29', ')'],
  ['%2A', '*'],
  ['%2C', ','],
  ['%3B', ';'],
];

export const TEST_CLIENT_SECRET = 'test-client-secret-123';

export function hubspotSigningUrl(url: string): string {
  let out = url;
  for (const [escape, char] of DECODED_BEFORE_SIGNING) {
    out = out.split(escape).join(char).split(escape.toLowerCase()).join(char);
  }
  return out;
}

export interface SignV3Input {
  method?: string;
  /** The full URL HubSpot calls, e.g. https://throughline.example.com/webhooks/hubspot?x=1 */
  url: string;
  body?: string | Buffer;
  secret?: string;
  /** Epoch ms; default now. */
  timestamp?: number;
}

export function signatureV3(input: SignV3Input & { timestamp: number }): string {
  const hmac = createHmac('sha256', input.secret ?? TEST_CLIENT_SECRET);
  if (Buffer.isBuffer(input.body)) {
    hmac.update((input.method ?? 'POST') + hubspotSigningUrl(input.url));
    hmac.update(input.body);
    hmac.update(String(input.timestamp));
  } else {
    hmac.update((input.method ?? 'POST') + hubspotSigningUrl(input.url) + (input.body ?? '') + String(input.timestamp));
  }
  return hmac.digest('base64');
}

/** Headers HubSpot would send with the request. */
export function signV3(input: SignV3Input): Record<string, string> {
  const timestamp = input.timestamp ?? Date.now();
  return {
    'X-HubSpot-Signature-v3': signatureV3({ ...input, timestamp }),
    'X-HubSpot-Request-Timestamp': String(timestamp),
  };
}

/** A HubSpot-shaped event for fixtures; override any field. */
export function hubspotEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: 100,
    subscriptionId: 2001,
    portalId: 62515,
    appId: 1234567,
    occurredAt: 1_700_000_000_000,
    subscriptionType: 'object.propertyChange',
    attemptNumber: 0,
    objectId: 9001,
    objectTypeId: '0-3',
    propertyName: 'dealstage',
    propertyValue: 'closedwon',
    changeSource: 'CRM_UI',
    sourceId: 'userId:42',
    ...overrides,
  };
}
