import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { HubSpotError } from '../hubspot/errors';
import type { Logger } from '../logger';
import { isRequestRejected, type RejectionCode } from '../webhooks/errors';

/**
 * The one place where errors become HTTP answers: status, JSON body `{ error, message?, … }`,
 * headers and log level. Route handlers throw; nothing else chooses a status for a failure.
 *
 * - RequestRejectedError (webhooks, signed requests, the cards API): by code, table below.
 * - Body parsing (express.raw/json, http-errors shaped): too large → 413, unparsable → 400,
 *   unsupported encoding/charset → 415, other exposed 4xx → as given. A bare SyntaxError (e.g. from
 *   JSON.parse of data the service read elsewhere) is a bug of ours → 500, not the caller's 400.
 * - HubSpotError (duck-typed: the class lives in src/hubspot): 401/403 → 502 (our token or scopes
 *   are wrong, not the caller's), 404 → 404, 429 → 503 + Retry-After, anything else → 502.
 * - Anything else → 500 `{ error: 'internal_error' }`; the stack goes to the log, never the body.
 * - Not a failure: every answer that succeeds is 200; /readyz answers `readinessStatus` (below).
 */

export const STATUS_BY_REJECTION: Record<RejectionCode, number> = {
  invalid_signature: 401,
  // HubSpot never repeats a request byte for byte (its retries are signed anew): a replay is someone else's.
  replayed_request: 409,
  malformed_json: 400,
  not_an_array: 400,
  invalid_batch: 400,
  too_many_events: 413,
  busy: 503,
  batch_failed: 500,
  invalid_id: 400,
  not_found: 404,
  conflict: 409,
};

/** /readyz: 503 tells a load balancer to send nothing here until HubSpot answers again. */
export const readinessStatus = (ready: boolean): number => (ready ? 200 : 503);

export interface ErrorAnswer {
  status: number;
  body: { error: string; message?: string } & Record<string, unknown>;
  headers: Record<string, string>;
  level: 'info' | 'warn' | 'error';
  /** Extra fields for the log line. */
  log: Record<string, unknown>;
}

export function describeError(err: unknown): ErrorAnswer {
  if (isRequestRejected(err)) {
    const status = STATUS_BY_REJECTION[err.code];
    return {
      status,
      body: { error: err.code, message: err.message, ...err.details },
      headers: err.code === 'busy' ? { 'Retry-After': '5' } : {},
      level: status >= 500 ? 'error' : 'warn',
      log: { code: err.code, ...err.details, ...err.logDetails, ...(err.cause ? { err: err.cause } : {}) },
    };
  }
  if (isHubSpotError(err)) return describeHubSpotError(err);
  if (isBodyParserError(err)) return describeBodyParserError(err);
  return internalError(err);
}

/** Anything unforeseen: 500, the stack to the log, never to the body. */
function internalError(err: unknown): ErrorAnswer {
  return {
    status: 500,
    body: { error: 'internal_error', message: 'Something went wrong; it has been logged.' },
    headers: {},
    level: 'error',
    log: { err },
  };
}

function describeHubSpotError(err: HubSpotError): ErrorAnswer {
  const log = { hubspotStatus: err.status, operation: err.operation, hubspotMessage: err.message };
  const answer = (status: number, error: string, message: string, level: ErrorAnswer['level'], headers = {}): ErrorAnswer => ({
    status,
    body: { error, message },
    headers,
    level,
    log,
  });
  if (err.status === 401 || err.status === 403) {
    return answer(
      502,
      'hubspot_refused',
      `HubSpot refused the service's request (${err.status}); an administrator should check the app's token and scopes.`,
      'error',
    );
  }
  if (err.status === 404) return answer(404, 'not_found', 'HubSpot has no such record.', 'warn');
  if (err.status === 429)
    return answer(503, 'hubspot_rate_limited', 'HubSpot is rate-limiting the service; try again shortly.', 'warn', { 'Retry-After': '10' });
  return answer(502, 'hubspot_unavailable', `HubSpot could not complete the request (${err.status || 'unreachable'}); try again shortly.`, 'error');
}

function isHubSpotError(err: unknown): err is HubSpotError {
  return err instanceof Error && err.name === 'HubSpotError' && typeof (err as { status?: unknown }).status === 'number';
}

interface BodyParserError {
  status: number;
  type?: string;
  expose?: boolean;
  limit?: number;
  message: string;
}

function isBodyParserError(err: unknown): err is BodyParserError {
  return err instanceof Error && typeof (err as { status?: unknown }).status === 'number' && typeof (err as { type?: unknown }).type === 'string';
}

function describeBodyParserError(err: BodyParserError): ErrorAnswer {
  const answer = (status: number, error: string, message: string, extra: Record<string, unknown> = {}): ErrorAnswer => ({
    status,
    body: { error, message, ...extra },
    headers: {},
    level: err.type === 'request.aborted' ? 'info' : 'warn',
    log: { type: err.type },
  });
  switch (err.type) {
    case 'entity.too.large':
      return answer(413, 'payload_too_large', `The body is larger than ${err.limit ?? 'the limit of'} bytes.`, { limit: err.limit });
    case 'entity.parse.failed':
      return answer(400, 'malformed_json', 'The body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer(415, 'unsupported_encoding', err.message);
    case 'request.aborted':
      return answer(400, 'request_aborted', 'The request was aborted.');
    default:
      if (err.status >= 400 && err.status < 500 && err.expose) return answer(err.status, 'bad_request', err.message);
      return internalError(err);
  }
}

/** The last middleware of the app. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    const requestId = typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined;
    if (res.headersSent) {
      logger.error({ err, requestId }, 'error after the response had started');
      next(err);
      return;
    }
    const answer = describeError(err);
    const path = req.originalUrl.split('?')[0];
    logger[answer.level](
      { ...answer.log, status: answer.status, method: req.method, path, requestId },
      `${req.method} ${path} → ${answer.status} ${answer.body.error}`,
    );
    res
      .status(answer.status)
      .set(answer.headers)
      .json({ ...answer.body, ...(requestId ? { requestId } : {}) });
  };
}

/** JSON 404 for anything no route matched. */
export function notFoundHandler(): RequestHandler {
  return (_req, res) => {
    res.status(404).json({ error: 'not_found', message: 'No such route.' });
  };
}
