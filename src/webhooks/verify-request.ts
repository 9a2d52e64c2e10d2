import { publicRequestUri, type RequestUriParts } from './public-uri';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignatureV3, type SignatureVerdict } from './signature';

/**
 * Verifies a signed request from HubSpot (webhook or hubspot.fetch) as express sees it:
 * headers → public URI → signature over the raw body. Shared by the webhook receiver and the
 * cards API middleware so both verify the same way.
 */

export interface SignedRequestSettings {
  clientSecret: string;
  /** PUBLIC_BASE_URL; when unset the URI is rebuilt from forwarded headers (see public-uri.ts). */
  publicBaseUrl?: string;
  /** Clock in epoch ms (default Date.now). */
  now?: () => number;
  toleranceMs?: number;
}

export interface SignedRequest extends RequestUriParts {
  method: string;
}

export function verifyHubSpotRequest(req: SignedRequest, rawBody: Buffer | string, settings: SignedRequestSettings): SignatureVerdict & { uri: string } {
  const uri = publicRequestUri(req, settings.publicBaseUrl);
  const verdict = verifySignatureV3({
    method: req.method,
    uri,
    rawBody,
    signature: singleHeader(req.headers[SIGNATURE_HEADER]),
    timestamp: singleHeader(req.headers[TIMESTAMP_HEADER]),
    clientSecret: settings.clientSecret,
    now: settings.now?.() ?? Date.now(),
    toleranceMs: settings.toleranceMs,
  });
  return { ...verdict, uri };
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
