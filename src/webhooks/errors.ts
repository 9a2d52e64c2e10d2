import type { SignatureFailureReason } from './signature';

/**
 * Every way the inbound edge refuses a request, in one list. These errors carry a code, not an HTTP
 * status: src/http/errors.ts maps codes to statuses once, for the webhook receiver and the signed
 * cards API alike.
 */
export type RejectionCode =
  | 'invalid_signature'
  | 'replayed_request'
  | 'malformed_json'
  | 'not_an_array'
  | 'invalid_batch'
  | 'too_many_events'
  | 'busy'
  | 'batch_failed'
  | 'invalid_id'
  | 'not_found'
  | 'conflict';

export class RequestRejectedError extends Error {
  override readonly name = 'RequestRejectedError';

  constructor(
    readonly code: RejectionCode,
    message: string,
    /** Safe to send to the caller. */
    readonly details: Record<string, unknown> = {},
    /** For the log line only. */
    readonly logDetails: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isRequestRejected(err: unknown): err is RequestRejectedError {
  return err instanceof RequestRejectedError;
}

const SIGNATURE_MESSAGES: Record<SignatureFailureReason, string> = {
  missing_signature: 'The X-HubSpot-Signature-v3 header is missing.',
  missing_timestamp: 'The X-HubSpot-Request-Timestamp header is missing.',
  malformed_timestamp: 'The X-HubSpot-Request-Timestamp header is not epoch milliseconds.',
  stale_timestamp: 'The request timestamp is more than 5 minutes old.',
  future_timestamp: 'The request timestamp is more than 5 minutes in the future.',
  bad_signature: 'The signature does not match.',
};

export const reject = {
  invalidSignature: (reason: SignatureFailureReason, uri: string) =>
    new RequestRejectedError(
      'invalid_signature',
      SIGNATURE_MESSAGES[reason],
      { reason },
      {
        // Without the query: hubspot.fetch appends userEmail and the like.
        uri: uri.split('?')[0],
        hint:
          reason === 'bad_signature'
            ? "check that HUBSPOT_CLIENT_SECRET is the app's client secret and that PUBLIC_BASE_URL (or the proxy's X-Forwarded-Proto/Host) gives the URL HubSpot calls"
            : undefined,
      },
    ),
  replayed: () =>
    new RequestRejectedError('replayed_request', 'This exact signed request (same signature and timestamp) was already received; it is not processed twice.'),
  malformedJson: () => new RequestRejectedError('malformed_json', 'The body is not valid UTF-8 JSON.'),
  notAnArray: (message: string) => new RequestRejectedError('not_an_array', message),
  invalidBatch: (message: string) => new RequestRejectedError('invalid_batch', message),
  tooManyEvents: (message: string, received: number | undefined, max: number) => new RequestRejectedError('too_many_events', message, { max }, { received }),
  busy: (max: number) => new RequestRejectedError('busy', `${max} batches are already being processed; retry later.`, {}, { maxInFlight: max }),
  batchFailed: (cause: unknown, events: number) =>
    new RequestRejectedError('batch_failed', 'Processing the batch failed; HubSpot will retry it.', {}, { events }, { cause }),
  invalidId: () => new RequestRejectedError('invalid_id', 'The record id must be the numeric HubSpot id.'),
  notFound: (message: string) => new RequestRejectedError('not_found', message),
  /** The request cannot apply to the record as it is now (e.g. a review already asked for). */
  conflict: (message: string) => new RequestRejectedError('conflict', message),
};
