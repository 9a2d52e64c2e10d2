import type { ActAs } from './actor';
import type { CallCounts, TimedCall } from './counters';
import type { FaultOptions } from './faults';
import type { SandboxStore } from './store/store';
import type { OwnerSeed } from './store/owners';
import type { PipelineDef } from './store/types';
import type { DeliveryAttempt } from './webhooks/delivery';
import type { ResolvedSubscription, WebhookSubscription } from './webhooks/subscriptions';
import type { DroppedEvent } from './webhooks/service';

/** The in-process handle returned by startSandbox. */

export interface SeedOptions {
  /** Make the write look like a user's (`userId:123` or `{ userId, changeSource }`); default the app's token. */
  actAs?: ActAs;
  /** With actAs: CRM_UI (default), CRM_UI_BULK_ACTION, IMPORT, AUTOMATION_PLATFORM, API. */
  changeSource?: string;
  /** When the write happened (history timestamp, createdate…); default the sandbox clock. */
  at?: number | string | Date;
  /** Seeds do not send webhooks unless this is true. */
  emitWebhooks?: boolean;
  /** createObject only: associate with existing records (default association type unless given). */
  associations?: Array<{ toObjectType: string; toObjectId: string; associationTypeId?: number }>;
}

export interface SandboxHistoryEntry {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId: string;
  updatedByUserId?: number;
}

/** A full snapshot of a record: every property with a value and every property's history. */
export interface SandboxObject {
  id: string;
  objectTypeId: string;
  properties: Record<string, string>;
  propertiesWithHistory: Record<string, SandboxHistoryEntry[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface SandboxOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
}

export interface Sandbox {
  /** http://127.0.0.1:<port> — use as the client's basePath. */
  readonly url: string;
  readonly port: number;
  readonly accessToken: string;
  readonly clientSecret: string;
  readonly appId: string;
  readonly portalId: number;
  /** Direct access to the in-memory state (escape hatch for tests). */
  readonly store: SandboxStore;

  stop(): Promise<void>;
  /** Back to the seeded state: records, schemas, custom properties/labels, owners, clock, faults, counters, webhook log. */
  reset(): void;

  calls(): CallCounts;
  /** Every API call since the counters were reset, with its arrival time and status (429s included). */
  callTimeline(): TimedCall[];
  resetCounters(): void;

  setFaults(faults: FaultOptions): void;
  clearFaults(): void;
  faults(): FaultOptions;

  /** Pin the sandbox clock (null: back to real time). */
  setNow(at: number | string | Date | null): void;
  advanceClock(ms: number): void;
  now(): number;

  setWebhookTarget(url: string | null): void;
  webhookTarget(): string | undefined;
  setSubscriptions(subscriptions: WebhookSubscription[]): void;
  webhookSubscriptions(): ResolvedSubscription[];
  /** Send queued webhooks now and wait until nothing is pending (including retries). */
  flushWebhooks(): Promise<void>;
  /** Wait until no webhook is queued, in flight or scheduled for retry, and every write is searchable. */
  idle(): Promise<void>;
  /** Wait until every write made so far is searchable (see `searchIndexDelayMs`). */
  searchIndexed(): Promise<void>;
  /** Change the search index lag (ms; 0: writes are searchable at once). */
  setSearchIndexDelay(ms: number): void;
  deliveries(): DeliveryAttempt[];
  droppedWebhooks(): DroppedEvent[];

  seedOwners(owners: OwnerSeed[]): SandboxOwner[];
  /** Add or replace a deal pipeline (stage metadata values are strings). */
  seedPipeline(
    pipeline: Omit<PipelineDef, 'objectTypeId' | 'createdAt' | 'updatedAt' | 'archived' | 'stages'> & {
      stages: Array<{ id: string; label: string; displayOrder: number; metadata: Record<string, string> }>;
    },
  ): void;
  createObject(objectType: string, properties: Record<string, string>, opts?: SeedOptions): SandboxObject;
  updateObject(objectType: string, id: string, properties: Record<string, string>, opts?: SeedOptions): SandboxObject;
  archiveObject(objectType: string, id: string, opts?: SeedOptions): void;
  getObject(objectType: string, id: string): SandboxObject | undefined;
  listObjects(objectType: string): SandboxObject[];
  associate(fromObjectType: string, fromId: string, toObjectType: string, toId: string, associationTypeId?: number): void;
  /** Create a custom object schema (same body and checks as POST /crm-object-schemas/v3/schemas). */
  createSchema(body: Record<string, unknown>): { objectTypeId: string; fullyQualifiedName: string; name: string };
}
