import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';

/**
 * HubSpot's error bodies, built in one place. Every route throws `SandboxError`; the error
 * middleware maps it to the HTTP answer once.
 */

export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
  subCategory?: string;
}

export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category?: string;
  subCategory?: string;
  errors?: ErrorDetail[];
  context?: Record<string, string[]>;
  errorType?: string;
  policyName?: string;
  [extra: string]: unknown;
}

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly body: HubSpotErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export const correlationId = (): string => randomUUID();

function body(message: string, category: string, extra: Partial<HubSpotErrorBody> = {}): HubSpotErrorBody {
  return { status: 'error', message, correlationId: correlationId(), category, ...extra };
}

export const unauthorized = (): SandboxError =>
  new SandboxError(
    401,
    body(
      'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
      'INVALID_AUTHENTICATION',
    ),
  );

export const objectNotFound = (message = 'Object not found. objectId are usually numeric.'): SandboxError =>
  new SandboxError(404, body(message, 'OBJECT_NOT_FOUND'));

export const notFound = (message: string): SandboxError => new SandboxError(404, body(message, 'OBJECT_NOT_FOUND'));

export const conflict = (message: string, category = 'CONFLICT'): SandboxError => new SandboxError(409, body(message, category));

export const validationError = (message: string, errors?: ErrorDetail[], extra: Partial<HubSpotErrorBody> = {}): SandboxError =>
  new SandboxError(400, body(message, 'VALIDATION_ERROR', { ...(errors ? { errors } : {}), ...extra }));

/** HubSpot's answer when written property values are invalid (unknown property, bad option, bad number…). */
export const invalidPropertyValues = (errors: ErrorDetail[]): SandboxError =>
  new SandboxError(
    400,
    body(
      `Property values were not valid: ${JSON.stringify(
        errors.map((e) => ({ isValid: false, message: e.message, error: e.code, name: e.context?.['propertyName']?.[0] })),
      )}`,
      'VALIDATION_ERROR',
      { errors },
    ),
  );

export const unknownObjectType = (token: string): SandboxError => new SandboxError(400, body(`Unable to infer object type from: ${token}`, 'VALIDATION_ERROR'));

/** A standard object this portal does not have (e.g. Projects), or whose scope the app lacks (unsure of HubSpot's exact body). */
export const objectTypeNotInPortal = (plural: string, objectTypeId: string): SandboxError =>
  new SandboxError(403, body(`This portal does not have access to ${plural} (${objectTypeId}), or the app lacks its scope.`, 'MISSING_SCOPES'));

export const rateLimited = (headers: Record<string, string>): SandboxError =>
  new SandboxError(
    429,
    {
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: correlationId(),
      policyName: 'TEN_SECONDLY_ROLLING',
    },
    headers,
  );

export const searchRateLimited = (): SandboxError =>
  new SandboxError(429, {
    status: 'error',
    message: 'You have reached your secondly limit.',
    errorType: 'RATE_LIMIT',
    correlationId: correlationId(),
    policyName: 'SECONDLY',
  });

const serverErrorMessages: Record<number, string> = {
  500: 'internal error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const serverError = (status: number): SandboxError => new SandboxError(status, body(serverErrorMessages[status] ?? 'internal error', 'INTERNAL_ERROR'));

/** Standard error inside a batch response (`errors[]` of a 207). */
export function batchError(category: string, message: string, context: Record<string, string[]>, subCategory?: string) {
  return { status: 'error', category, message, context, ...(subCategory ? { subCategory } : {}) };
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new SandboxError(404, body(`No HubSpot endpoint in the sandbox for ${req.method} ${req.path}`, 'OBJECT_NOT_FOUND')));
};

export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  void _next;
  if (err instanceof SandboxError) {
    res.set(err.headers).status(err.status).json(err.body);
    return;
  }
  if (isBodyParserError(err)) {
    res.status(400).json(body(`Invalid input JSON on line 1: ${err.message}`, 'VALIDATION_ERROR'));
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  res.status(500).json(body(`Sandbox bug: ${message}`, 'INTERNAL_ERROR'));
};

function isBodyParserError(err: unknown): err is Error & { type: string } {
  return err instanceof Error && typeof (err as { type?: unknown }).type === 'string' && (err as { status?: unknown }).status === 400;
}
