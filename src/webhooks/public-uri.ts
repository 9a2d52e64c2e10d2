import type { IncomingHttpHeaders } from 'node:http';

/**
 * Rebuilds the URI HubSpot signed: the public URL it called, not the one this process sees.
 *
 * 1. PUBLIC_BASE_URL configured (recommended in production): `PUBLIC_BASE_URL + req.originalUrl`.
 *    If the proxy strips a path prefix, put the prefix in PUBLIC_BASE_URL
 *    (`https://example.com/throughline`); if it does not, PUBLIC_BASE_URL is the bare origin.
 * 2. Otherwise: scheme from `X-Forwarded-Proto`, host from `X-Forwarded-Host`, each its first value,
 *    falling back to the socket (https when TLS) and the `Host` header.
 *
 * Trust assumption: forwarded headers are believed without checking who sent them. That is safe for
 * authentication because the signature, not the header, is the proof: a spoofed header can only make
 * the URI differ from what HubSpot signed, which fails verification. The one thing it allows is
 * replaying, within the 5-minute window, a request HubSpot signed for another URL of the same app
 * (another origin in `permittedUrls.fetch`) with the same path and body. When that matters, set
 * PUBLIC_BASE_URL (forwarded headers are then ignored) and have the proxy overwrite X-Forwarded-*.
 */

export interface RequestUriParts {
  /** Path and query as received (express `req.originalUrl`), still percent-encoded. */
  originalUrl: string;
  headers: IncomingHttpHeaders;
  /** The connection; a TLS socket (`encrypted: true`) means https when no header says otherwise. */
  socket?: object | null;
}

export function publicRequestUri(req: RequestUriParts, publicBaseUrl?: string): string {
  if (publicBaseUrl) return publicBaseUrl.replace(/\/+$/, '') + req.originalUrl;
  const proto = firstValue(req.headers['x-forwarded-proto']) ?? (isTls(req.socket) ? 'https' : 'http');
  const host = firstValue(req.headers['x-forwarded-host']) ?? firstValue(req.headers.host) ?? '';
  return `${proto}://${host}${req.originalUrl}`;
}

/** `"https, http"` → `"https"`; proxies append, so the first value is the one the client used. */
function firstValue(header: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(header) ? header[0] : header;
  const first = joined?.split(',')[0]?.trim();
  return first ? first : undefined;
}

function isTls(socket: object | null | undefined): boolean {
  return !!socket && 'encrypted' in socket && socket.encrypted === true;
}
