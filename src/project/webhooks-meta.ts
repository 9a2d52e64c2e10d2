import type { Model } from '../model';
import { SERVICE_ORIGIN_REF, WEBHOOK_MAX_CONCURRENT_REQUESTS, WEBHOOK_PATH, WEBHOOKS_UID } from './hubspot-project';
import { webhookSubscriptions, type CrmObjectSubscription, type SubscriptionOptions } from './webhook-subscriptions';

export interface WebhooksMeta {
  uid: string;
  type: 'webhooks';
  config: {
    settings: { targetUrl: string; maxConcurrentRequests: number };
    subscriptions: { crmObjects: CrmObjectSubscription[] };
  };
}

/**
 * extensions/app/webhooks/webhooks-hsmeta.json, generated from schemas/ through
 * webhookSubscriptions(): the subscriptions HubSpot sends are exactly the ones the service
 * routes. `npm run project:webhooks` writes it; test/project/webhooks-meta.test.ts fails when the
 * committed file differs.
 */
export function webhooksMeta(model: Model, options: Pick<SubscriptionOptions, 'withoutCustomObjects'> = {}): WebhooksMeta {
  return {
    uid: WEBHOOKS_UID,
    type: 'webhooks',
    config: {
      settings: { targetUrl: `${SERVICE_ORIGIN_REF}${WEBHOOK_PATH}`, maxConcurrentRequests: WEBHOOK_MAX_CONCURRENT_REQUESTS },
      subscriptions: { crmObjects: webhookSubscriptions(model, options) },
    },
  };
}

export function renderWebhooksMeta(model: Model, options: Pick<SubscriptionOptions, 'withoutCustomObjects'> = {}): string {
  return `${JSON.stringify(webhooksMeta(model, options), null, 2)}\n`;
}
