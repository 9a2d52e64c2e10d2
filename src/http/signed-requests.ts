import express, { type Request, type RequestHandler, type Router } from 'express';
import type { Logger } from '../logger';
import { reject } from '../webhooks/errors';
import { verifyHubSpotRequest } from '../webhooks/verify-request';

/**
 * Guards routes that cards call through `hubspot.fetch` (GET /api/cards/…, POST …/recheck).
 * HubSpot signs those requests with signature v3 exactly like webhooks, so:
 *   raw body (≤ 1 MB, hubspot.fetch's own limit; empty for a GET) → verify → 401 when unsigned,
 *   stale, future-dated or forged → only then is a JSON body parsed into `req.body`.
 * The raw bytes stay available through `rawBodyOf(req)`.
 *
 * Mount it before any other body parser on these routes: if something has already parsed the body,
 * the signature cannot be checked and the request fails with a 500 that says so.
 */

export interface RequireSignatureOptions {
  clientSecret: string;
  publicBaseUrl?: string;
  logger: Logger;
  /** Clock in epoch ms (default Date.now). */
  now?: () => number;
  maxBodyBytes?: number;
}

const rawBodies = new WeakMap<Request, Buffer>();

/** The body exactly as received, for a request that went through requireHubSpotSignature. */
export function rawBodyOf(req: Request): Buffer | undefined {
  return rawBodies.get(req);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function requireHubSpotSignature(options: RequireSignatureOptions): Router {
  if (!options.clientSecret) {
    throw new Error("requireHubSpotSignature needs the client secret: set HUBSPOT_CLIENT_SECRET to the app's client secret.");
  }
  const settings = { clientSecret: options.clientSecret, publicBaseUrl: options.publicBaseUrl, now: options.now };

  const verify: RequestHandler = (req, _res, next) => {
    const raw: unknown = req.body === undefined ? Buffer.alloc(0) : req.body;
    const verdict = verifyHubSpotRequest(req, raw as Buffer, settings);
    if (!verdict.ok) throw reject.invalidSignature(verdict.reason, verdict.uri);
    const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : (raw as Buffer);
    rawBodies.set(req, bytes);
    req.body = parseBody(req, bytes);
    options.logger.debug({ method: req.method, path: req.path }, 'signed request verified');
    next();
  };

  const router = express.Router();
  router.use(express.raw({ type: () => true, limit: options.maxBodyBytes ?? 1_000_000 }), verify);
  return router;
}

/** JSON bodies become objects (400 when malformed); other non-empty bodies stay a Buffer; none → undefined. */
function parseBody(req: Request, bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  if (!req.is(['application/json', '+json'])) return bytes;
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    throw reject.malformedJson();
  }
}
