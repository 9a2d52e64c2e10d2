import { OBJECT_TYPE_IDS } from '../../src/hubspot/standard-object-types';
import { performance } from 'node:perf_hooks';
import { signV3 } from '@throughline/sandbox';

/** HubSpot-shaped webhook events and signed deliveries (signature v3, as the stand-in signs its own). */

export interface Portal {
  portalId: number;
  appId: string;
}

export interface EventOptions {
  eventId: number;
  objectId: string;
  propertyValue: string;
  /** A user's change by default; `own` makes it look like this app's own write (INTEGRATION, app id). */
  own?: boolean;
  userId?: number;
  attemptNumber?: number;
}

export function dealStageEvent(portal: Portal, o: EventOptions): Record<string, unknown> {
  return {
    eventId: o.eventId,
    subscriptionId: 2001,
    portalId: portal.portalId,
    appId: Number(portal.appId),
    occurredAt: Date.now(),
    subscriptionType: 'object.propertyChange',
    attemptNumber: o.attemptNumber ?? 0,
    objectId: Number(o.objectId),
    objectTypeId: OBJECT_TYPE_IDS.deals,
    propertyName: 'dealstage',
    propertyValue: o.propertyValue,
    changeSource: o.own ? 'INTEGRATION' : 'CRM_UI',
    sourceId: o.own ? portal.appId : `userId:${o.userId ?? 9001}`,
    isSensitive: false,
  };
}

export interface Delivery {
  status: number;
  ms: number;
  body: string;
  /** Retry-After in seconds, when the answer gave one. */
  retryAfterS?: number;
}

/** One signed POST of a batch, timed from the first byte sent to the last byte of the answer. */
export async function postSignedBatch(url: string, clientSecret: string, events: unknown[], signal?: AbortSignal): Promise<Delivery> {
  const body = JSON.stringify(events);
  const timestamp = Date.now();
  const headers = {
    'content-type': 'application/json',
    'X-HubSpot-Signature-v3': signV3(clientSecret, 'POST', url, body, timestamp),
    'X-HubSpot-Request-Timestamp': String(timestamp),
  };
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', body, headers, ...(signal ? { signal } : {}) });
  const text = await res.text();
  const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
  return { status: res.status, ms: performance.now() - started, body: text, ...(Number.isFinite(retryAfter) ? { retryAfterS: retryAfter } : {}) };
}
