import type { Response } from 'express';
import { serverError } from './errors';

/**
 * A create HubSpot applies and then fails to answer: a 5xx after the write (a gateway timeout in
 * front of a slow write), or a connection that closes without an answer. The caller cannot tell it
 * from a create that never happened, which is why creates must not be retried blindly.
 */
export type AppliedCreateFailure = '5xx' | 'drop';

const CREATE_ENDPOINTS = new Set(['POST /crm/v3/objects/{objectType}', 'POST /crm/v3/objects/{objectType}/batch/create']);

/** The object type of an object create (as the path spells it), or undefined for any other call. */
export function createdObjectType(endpoint: unknown, path: string): string | undefined {
  if (typeof endpoint !== 'string' || !CREATE_ENDPOINTS.has(endpoint)) return undefined;
  return decodeURIComponent(path.split('/')[4] ?? '');
}

/** Lets the route apply the create, then replaces its success answer with the failure. */
export function failAfterApplying(res: Response, failure: AppliedCreateFailure, status: number, onFailed: () => void): void {
  const answer = res.json.bind(res);
  res.json = (body: unknown) => {
    // The create failed on its own (validation, 404): nothing was applied, answer as it is.
    if (res.statusCode >= 300) return answer(body);
    onFailed();
    if (failure === 'drop') {
      res.socket?.destroy();
      return res;
    }
    const err = serverError(status);
    res.set(err.headers).status(err.status);
    return answer(err.body);
  };
}
