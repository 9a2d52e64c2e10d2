import { hubspot } from '@hubspot/ui-extensions';
import type { ZodType } from 'zod';
import {
  apiErrorSchema,
  companyCardDataSchema,
  dealCardDataSchema,
  recheckResponseSchema,
  type CompanyCardData,
  type DealCardData,
  type RecheckResponse,
} from '../shared/card-data';
import { API_PREFIX } from './service-paths';

/**
 * The cards' only way to the service: hubspot.fetch (HubSpot signs each request, v3, with the
 * app's client secret), every answer parsed with the shared zod schemas. Failures come back as
 * a ServiceProblem the card can explain, never as an exception.
 */

export type ServiceProblem =
  /** No answer: the service is down, the origin is wrong, or it is not in permittedUrls. */
  | { kind: 'unreachable'; origin: string; detail: string }
  /** The service answered 404: HubSpot has no such record (deleted, or another portal). */
  | { kind: 'not_found'; message: string }
  /** 401/403: the signature did not check out (client secret or PUBLIC_BASE_URL mismatch). */
  | { kind: 'refused'; status: number; message: string }
  /** The service answered with an error of its own (HubSpot unavailable, rate limit, a bug). */
  | { kind: 'failed'; status: number; message: string }
  /** The service answered 200 in a shape this card does not know: the two are out of step. */
  | { kind: 'unexpected'; detail: string };

export type ServiceResult<T> = { ok: true; data: T } | { ok: false; problem: ServiceProblem };

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function call<T>(origin: string, path: string, method: 'GET' | 'POST', schema: ZodType<T>): Promise<ServiceResult<T>> {
  let response: Response;
  try {
    response = await hubspot.fetch(`${origin}${API_PREFIX}${path}`, { method });
  } catch (err) {
    return { ok: false, problem: { kind: 'unreachable', origin, detail: describe(err) } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(body);
    // The service always answers errors as { error, message }; anything else came from in between.
    if (!error.success) {
      return { ok: false, problem: { kind: 'unreachable', origin, detail: `HTTP ${response.status} without an answer from the service` } };
    }
    const message = error.data.message ?? error.data.error;
    if (response.status === 404) return { ok: false, problem: { kind: 'not_found', message } };
    if (response.status === 401 || response.status === 403) return { ok: false, problem: { kind: 'refused', status: response.status, message } };
    return { ok: false, problem: { kind: 'failed', status: response.status, message } };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, problem: { kind: 'unexpected', detail: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unreadable answer' } };
  }
  return { ok: true, data: parsed.data };
}

const id = (value: string | number) => encodeURIComponent(String(value));

export function fetchDealCard(origin: string, dealId: string | number): Promise<ServiceResult<DealCardData>> {
  return call(origin, `/deals/${id(dealId)}`, 'GET', dealCardDataSchema);
}

export function recheckDeal(origin: string, dealId: string | number): Promise<ServiceResult<RecheckResponse>> {
  return call(origin, `/deals/${id(dealId)}/recheck`, 'POST', recheckResponseSchema);
}

/** Asks delivery for a feasibility review of the deal's Scope; answers with the fresh card. */
export function requestFeasibilityReview(origin: string, dealId: string | number): Promise<ServiceResult<DealCardData>> {
  return call(origin, `/deals/${id(dealId)}/feasibility-review`, 'POST', dealCardDataSchema);
}

export function fetchCompanyCard(origin: string, companyId: string | number): Promise<ServiceResult<CompanyCardData>> {
  return call(origin, `/companies/${id(companyId)}`, 'GET', companyCardDataSchema);
}
