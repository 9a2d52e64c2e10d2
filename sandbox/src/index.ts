/**
 * Throughline's local HubSpot stand-in (think stripe-mock): `startSandbox()` serves the CRM
 * endpoints the service uses, faithfully enough for the unmodified @hubspot/api-client.
 * Never imported by the service; the service never knows it is talking to it.
 */
export { startSandbox } from './server';
export type { Sandbox, SandboxObject, SandboxOwner, SandboxHistoryEntry, SeedOptions } from './api';
export type { SandboxOptions } from './options';
export { DEFAULT_RETRY_SCHEDULE_MS } from './options';
export type { FaultOptions } from './faults';
export type { CallCounts, TimedCall } from './counters';
export type { DeliveryAttempt } from './webhooks/delivery';
export type { DroppedEvent } from './webhooks/service';
export type { WebhookEvent } from './webhooks/events';
export type { WebhookSubscription, ResolvedSubscription } from './webhooks/subscriptions';
export type { OwnerSeed } from './store/owners';
export type { ActAs } from './actor';
export { ACT_AS_HEADER, CHANGE_SOURCE_HEADER } from './actor';
export { signV3 } from './webhooks/signature';
export { ENDPOINTS } from './endpoints';
