/**
 * Every failure from HubSpot becomes a HubSpotError that says what happened and how to fix it.
 * The client's generated modules each define their own ApiException class, so we duck-type.
 */
export interface HubSpotErrorBody {
  status?: string;
  message?: string;
  category?: string;
  correlationId?: string;
  policyName?: string;
  errorType?: string;
  errors?: Array<{ message?: string; context?: Record<string, unknown> }>;
  context?: Record<string, unknown>;
}

export class HubSpotError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: HubSpotErrorBody | undefined,
    readonly headers: Record<string, string>,
    readonly operation: string,
  ) {
    super(message);
    this.name = 'HubSpotError';
  }

  get isRateLimit(): boolean {
    return this.status === 429;
  }

  get isRetryable(): boolean {
    return this.status === 429 || this.status === 423 || this.status >= 500 || this.status === 0;
  }
}

interface ApiExceptionLike {
  code: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function isApiException(err: unknown): err is ApiExceptionLike {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'number';
}

function parseBody(body: unknown): HubSpotErrorBody | undefined {
  if (typeof body === 'object' && body !== null) return body as HubSpotErrorBody;
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as HubSpotErrorBody;
    } catch {
      return { message: body };
    }
  }
  return undefined;
}

function explain(status: number, body: HubSpotErrorBody | undefined, operation: string): string {
  const said = body?.message ? ` HubSpot said: "${body.message}"` : '';
  switch (status) {
    case 401:
      return `HubSpot rejected the access token (401) during ${operation}. Check that HUBSPOT_ACCESS_TOKEN is the private app's current token (it changes when rotated).${said}`;
    case 403:
      return `HubSpot refused ${operation} (403): the app lacks a scope or the portal lacks the tier (custom objects need an Enterprise hub). Add the scope named below to the app, or use an Enterprise portal.${said}`;
    case 404:
      return `HubSpot found nothing for ${operation} (404).${said}`;
    case 409:
      return `HubSpot reports a conflict for ${operation} (409): it already exists.${said}`;
    case 429:
      return `HubSpot rate limit reached during ${operation} (429, ${body?.policyName ?? 'unknown policy'}); retries were exhausted. Lower the load or raise HUBSPOT_RETRIES.${said}`;
    case 0:
      return `HubSpot could not be reached during ${operation}. Check HUBSPOT_API_BASE_URL and the network.${said}`;
    default:
      if (status >= 500) return `HubSpot failed with ${status} during ${operation}; it is usually temporary, run it again.${said}`;
      if (status === 400 && JSON.stringify(body ?? '').includes('PROPERTY_DOESNT_EXIST')) {
        return `HubSpot rejected ${operation} (400): the portal lacks a property this version writes. Run \`npm run provision -- plan\`, then \`apply\`, to add it.${said}`;
      }
      return `HubSpot rejected ${operation} (${status}).${said}`;
  }
}

export function toHubSpotError(err: unknown, operation: string): HubSpotError {
  if (err instanceof HubSpotError) return err;
  if (isApiException(err)) {
    const body = parseBody(err.body);
    return new HubSpotError(err.code, explain(err.code, body, operation), body, err.headers ?? {}, operation);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new HubSpotError(0, `${explain(0, undefined, operation)} (${message})`, { message }, {}, operation);
}
