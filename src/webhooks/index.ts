/** The inbound edge's public surface, for src/server.ts and the gate. */
export { webhookRouter, WEBHOOK_PATH } from './receiver';
export type { OnWebhookBatch, WebhookBatchMeta, WebhookReceipt, WebhookRouterOptions, SkippedCounts } from './receiver';
export { parseEventBatch, isPropertyChange, EVENT_SCHEMAS, DEFAULT_MAX_EVENTS } from './events';
export type { HubSpotEvent, HubSpotEventOf, PropertyChangeEvent, ParsedBatch, SkippedItem } from './events';
export { SUBSCRIPTION_TYPES, LEGACY_OBJECT_TYPE_IDS, normaliseSubscriptionType } from './subscription-types';
export type { SubscriptionType } from './subscription-types';
export { isOwnWrite, partitionOwnWrites, OWN_WRITE_CHANGE_SOURCES } from './own-writes';
export { verifySignatureV3, decodeSignedUri, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
export type { SignatureVerdict, SignatureFailureReason, VerifySignatureV3Input } from './signature';
export { verifyHubSpotRequest } from './verify-request';
export { publicRequestUri } from './public-uri';
export { RequestRejectedError } from './errors';
