import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ObjectTypeRegistry } from '../store/object-types';
import type { RecordChange } from '../store/types';
import { subscribedObjectType } from './subscription-variables';

/**
 * Webhook subscriptions: from the project's `webhooks-hsmeta.json` (config.subscriptions.crmObjects,
 * and legacyCrmObjects such as `deal.propertyChange`) or given in the options.
 * Supported kinds: creation, deletion, propertyChange.
 */

export interface WebhookSubscription {
  /** Defaults to a stable number derived from the position in the list. */
  id?: number;
  /** `object.propertyChange`, `object.creation`, `object.deletion`, or legacy `deal.propertyChange`… */
  subscriptionType: string;
  /**
   * For `object.*` types: `deal`, `company`, or a custom object's `2-…` id (its name matches
   * nothing, as in HubSpot), or a `${…}` variable holding one (see subscription-variables.ts).
   */
  objectType?: string;
  propertyName?: string;
  active?: boolean;
}

export interface WebhookSettings {
  targetUrl?: string;
  maxConcurrentRequests?: number;
}

const subscription = z.object({
  subscriptionType: z.string(),
  objectType: z.string().optional(),
  propertyName: z.string().optional(),
  active: z.boolean().optional(),
});

const hsmeta = z.object({
  config: z.object({
    settings: z.object({ targetUrl: z.string().optional(), maxConcurrentRequests: z.number().int().positive().optional() }).default({}),
    subscriptions: z
      .object({ crmObjects: z.array(subscription).default([]), legacyCrmObjects: z.array(subscription).default([]) })
      .default({ crmObjects: [], legacyCrmObjects: [] }),
  }),
});

export function loadHsmeta(path: string): { subscriptions: WebhookSubscription[]; settings: WebhookSettings } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read webhooks config ${path}: ${(err as Error).message}`);
  }
  const parsed = hsmeta.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${path} is not a webhooks-hsmeta.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { settings, subscriptions } = parsed.data.config;
  return {
    subscriptions: [...subscriptions.crmObjects, ...subscriptions.legacyCrmObjects],
    settings: {
      ...(settings.targetUrl !== undefined ? { targetUrl: settings.targetUrl } : {}),
      ...(settings.maxConcurrentRequests !== undefined ? { maxConcurrentRequests: settings.maxConcurrentRequests } : {}),
    },
  };
}

export interface ResolvedSubscription {
  id: number;
  subscriptionType: string;
  kind: string;
  objectType: string;
  propertyName?: string;
  active: boolean;
  /** Legacy (`deal.propertyChange`) events carry no objectTypeId. */
  legacy: boolean;
}

const FIRST_SUBSCRIPTION_ID = 5_000_001;

export function resolveSubscriptions(subs: readonly WebhookSubscription[]): ResolvedSubscription[] {
  return subs.map((s, i) => {
    const [prefix = '', kind = ''] = s.subscriptionType.split('.');
    const legacy = prefix !== 'object';
    return {
      id: s.id ?? FIRST_SUBSCRIPTION_ID + i,
      subscriptionType: s.subscriptionType,
      kind,
      objectType: legacy ? prefix : (s.objectType ?? ''),
      ...(s.propertyName !== undefined ? { propertyName: s.propertyName } : {}),
      active: s.active ?? true,
      legacy,
    };
  });
}

/** Subscriptions a change triggers (a propertyChange only for its property). */
export function matchingSubscriptions(
  subs: readonly ResolvedSubscription[],
  change: RecordChange,
  types: ObjectTypeRegistry,
  variables: Readonly<Record<string, string>> = {},
): ResolvedSubscription[] {
  return subs.filter((s) => {
    if (!s.active || s.kind !== change.kind) return false;
    const objectType = subscribedObjectType(s.objectType, variables, types);
    const type = objectType === undefined ? undefined : types.find(objectType);
    if (type?.objectTypeId !== change.objectTypeId) return false;
    // HubSpot identifies a custom object in a subscription by its 2-… id, not its name.
    if (type.custom && objectType !== type.objectTypeId) return false;
    return change.kind !== 'propertyChange' || s.propertyName === change.propertyName;
  });
}
