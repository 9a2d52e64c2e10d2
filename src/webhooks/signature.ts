import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HubSpot request signature v3 (webhooks, and `hubspot.fetch` calls from cards).
 *
 *   signature = base64( HMAC-SHA256( clientSecret, METHOD + URI + rawBody + timestamp ) )
 *
 * - URI is the full URL HubSpot called, with only the escapes in SIGNED_URI_ESCAPES decoded.
 * - rawBody is the bytes on the wire: re-serialised JSON does not hash the same, so a parsed object
 *   is refused with an error that says so (like stripe-node's constructEvent).
 * - The timestamp (epoch ms, as sent) must lie within ±toleranceMs of now: the past bound stops
 *   replays, the future bound stops a captured request being "pre-dated" to live longer.
 * - The digests are compared with crypto.timingSafeEqual on equal-length buffers.
 *
 * Why not `Signature.isValid` from @hubspot/api-client: it checks only the past bound, compares with
 * `===`, and leaves the URI decoding to the caller (see test/unit/webhooks-signature.test.ts).
 */

export const SIGNATURE_HEADER = 'x-hubspot-signature-v3';
export const TIMESTAMP_HEADER = 'x-hubspot-request-timestamp';
export const DEFAULT_TOLERANCE_MS = 300_000;

export type SignatureFailureReason =
  'missing_signature' | 'missing_timestamp' | 'malformed_timestamp' | 'stale_timestamp' | 'future_timestamp' | 'bad_signature';

export type SignatureVerdict = { ok: true } | { ok: false; reason: SignatureFailureReason };

export interface VerifySignatureV3Input {
  /** HTTP method as received; upper-cased before signing. */
  method: string;
  /** The full public URI HubSpot called (scheme, host, path, query), still percent-encoded. */
  uri: string;
  /** The request body exactly as received ('' or an empty Buffer for a GET). */
  rawBody: Buffer | string;
  /** `X-HubSpot-Signature-v3`. */
  signature: string | undefined;
  /** `X-HubSpot-Request-Timestamp`, epoch milliseconds. */
  timestamp: string | number | undefined;
  clientSecret: string;
  /** Current time in epoch ms (default Date.now()). */
  now?: number | Date;
  toleranceMs?: number;
}

/** The escapes HubSpot decodes in the URI before signing; every other escape (e.g. %20) stays. */
export const SIGNED_URI_ESCAPES = ['3A', '2F', '3F', '40', '21', '24', '27', '28', '29', '2A', '2C', '3B'] as const;
const SIGNED_ESCAPE_PATTERN = new RegExp(`%(${SIGNED_URI_ESCAPES.join('|')})`, 'gi');

/** Applies HubSpot's rule: decode %3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B (any hex case), nothing else. */
export function decodeSignedUri(uri: string): string {
  return uri.replace(SIGNED_ESCAPE_PATTERN, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export function verifySignatureV3(input: VerifySignatureV3Input): SignatureVerdict {
  const body = rawBodyBytes(input.rawBody);
  if (!input.clientSecret) {
    throw new Error("verifySignatureV3 needs the client secret: check that HUBSPOT_CLIENT_SECRET is set to the app's client secret.");
  }
  if (!input.signature) return { ok: false, reason: 'missing_signature' };
  if (input.timestamp === undefined || input.timestamp === '') return { ok: false, reason: 'missing_timestamp' };

  const timestampText = String(input.timestamp);
  if (!/^\d{1,16}$/.test(timestampText)) return { ok: false, reason: 'malformed_timestamp' };
  const timestamp = Number(timestampText);
  const now = input.now === undefined ? Date.now() : Number(input.now);
  const tolerance = input.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  if (now - timestamp > tolerance) return { ok: false, reason: 'stale_timestamp' };
  if (timestamp - now > tolerance) return { ok: false, reason: 'future_timestamp' };

  const expected = digestV3(input.clientSecret, input.method, input.uri, body, timestampText);
  return digestsMatch(expected, input.signature) ? { ok: true } : { ok: false, reason: 'bad_signature' };
}

function digestV3(clientSecret: string, method: string, uri: string, body: Buffer, timestamp: string): Buffer {
  return createHmac('sha256', clientSecret)
    .update(method.toUpperCase() + decodeSignedUri(uri), 'utf8')
    .update(body)
    .update(timestamp, 'utf8')
    .digest();
}

/**
 * The headers HubSpot sends with a signed request (hubspot.fetch, webhooks), computed the way the
 * verifier checks them: for calling the cards API by hand (`npm run card`).
 */
export function signRequestV3(input: { method: string; uri: string; body?: string; clientSecret: string; now?: number }): Record<string, string> {
  const timestamp = String(input.now ?? Date.now());
  const digest = digestV3(input.clientSecret, input.method, input.uri, Buffer.from(input.body ?? '', 'utf8'), timestamp);
  return { 'X-HubSpot-Signature-v3': digest.toString('base64'), 'X-HubSpot-Request-Timestamp': timestamp };
}

/** Constant time for a given expected length: a wrong-length signature still costs one comparison. */
function digestsMatch(expected: Buffer, signature: string): boolean {
  const given = decodeBase64Strict(signature);
  const sameLength = given.length === expected.length;
  const equal = timingSafeEqual(expected, sameLength ? given : expected);
  return sameLength && equal;
}

function decodeBase64Strict(text: string): Buffer {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return Buffer.alloc(0);
  return Buffer.from(text, 'base64');
}

function rawBodyBytes(rawBody: unknown): Buffer {
  if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
  if (Buffer.isBuffer(rawBody)) return rawBody;
  if (rawBody instanceof Uint8Array) return Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength);
  const got = rawBody === null ? 'null' : Array.isArray(rawBody) ? 'an array' : typeof rawBody;
  throw new TypeError(
    `verifySignatureV3: pass the raw request body, not parsed JSON (got ${got}). The signature covers the bytes ` +
      'HubSpot sent; read them with express.raw() or express.json({ verify }) and pass that Buffer or string.',
  );
}
