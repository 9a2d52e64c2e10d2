import { existsSync } from 'node:fs';
import type { FaultOptions } from './faults';
import { loadHsmeta, type WebhookSubscription } from './webhooks/subscriptions';

/** Options of startSandbox. Every one has a sandbox default; nothing is read from the environment. */
export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (the admin API is loopback-only anyway). */
  host?: string;
  /** The private app token callers must send as `Authorization: Bearer …`. Default `pat-sandbox-token`. */
  accessToken?: string;
  /** Signs webhooks (v3). Default `sandbox-client-secret`. */
  clientSecret?: string;
  /** The app id: history/webhook `sourceId` of writes made with the token. Default `1000001`. */
  appId?: string | number;
  /** Default 8800001. */
  portalId?: number;
  /** Where webhooks go; overrides the hsmeta file's targetUrl. Without one, events are recorded as dropped (`no-target`). */
  webhookTargetUrl?: string;
  /** A `webhooks-hsmeta.json` to read subscriptions (and targetUrl, maxConcurrentRequests) from. */
  webhooksHsmetaPath?: string;
  /** Subscriptions; replace the hsmeta file's when given. */
  subscriptions?: WebhookSubscription[];
  /**
   * Profile variables a subscription's objectType may name (`${SERVICE_CONTRACT_OBJECT_TYPE_ID}`).
   * Stand-in convenience: a `${NAME_OBJECT_TYPE_ID}` without a value stands for the custom object
   * `name` once it exists, as a profile does after provisioning.
   */
  variables?: Record<string, string>;
  /** Delays (ms) before retry 1, 2, …; default growing over ~20 h like HubSpot. Tests: e.g. [10, 20, 40]. */
  webhookRetrySchedule?: number[];
  /** Attempts per batch including the first; default 10. */
  webhookMaxAttempts?: number;
  /** Per-request timeout; default 5000 ms. */
  webhookTimeoutMs?: number;
  /** Batching delay before a partial batch is sent; default 50 ms. */
  webhookBatchDelayMs?: number;
  /** Concurrent webhook requests; default from the hsmeta file, else 10. */
  webhookMaxConcurrentRequests?: number;
  faults?: FaultOptions;
  /** Seed of the PRNG used by probabilistic faults; default 1. */
  seed?: number;
  /** Start with the sandbox clock pinned at this time (epoch ms, ISO or Date). */
  now?: number | string | Date;
  /**
   * How long (wall-clock ms) a write takes to reach search: until then search sees the record as
   * it was (a new one not at all). Default 50; 0 turns the lag off. HubSpot promises no figure.
   */
  searchIndexDelayMs?: number;
  /**
   * Associated records per input row of a v4 association batch read; a row with more carries
   * `paging.next.after`. Default 500 (HubSpot's v4 association page size; unsure whether the batch
   * read uses the same). Tests: e.g. 2.
   */
  associationPageSize?: number;
  /**
   * Category of the unlabelled association types HubSpot defines for a custom object (schema
   * associations, tasks, notes). Default `USER_DEFINED`, as HubSpot's custom-object examples send.
   */
  customObjectAssociationCategory?: 'USER_DEFINED' | 'HUBSPOT_DEFINED';
  /**
   * Serve HubSpot's Projects object (0-970), which not every portal has. Default false: its paths
   * answer 403, as a portal without it (or the app without its scope) does. Tickets and invoices
   * are always served.
   */
  projects?: boolean;
}

export const DEFAULT_SEARCH_INDEX_DELAY_MS = 50;

export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 18_000_000, 28_800_000];

export interface ResolvedOptions {
  port: number;
  host: string;
  accessToken: string;
  clientSecret: string;
  appId: string;
  portalId: number;
  webhookTargetUrl?: string;
  subscriptions: WebhookSubscription[];
  variables: Record<string, string>;
  retrySchedule: number[];
  maxAttempts: number;
  timeoutMs: number;
  batchDelayMs: number;
  maxConcurrent: number;
  faults: FaultOptions;
  seed: number;
  now?: number | string | Date;
  searchIndexDelayMs: number;
  associationPageSize: number;
  customObjectAssociationCategory: 'USER_DEFINED' | 'HUBSPOT_DEFINED';
  projects: boolean;
}

export function resolveOptions(options: SandboxOptions = {}): ResolvedOptions {
  const hsmeta = options.webhooksHsmetaPath
    ? existsSync(options.webhooksHsmetaPath)
      ? loadHsmeta(options.webhooksHsmetaPath)
      : (() => {
          throw new Error(`webhooksHsmetaPath ${options.webhooksHsmetaPath} does not exist`);
        })()
    : undefined;
  const target = options.webhookTargetUrl ?? hsmeta?.settings.targetUrl;
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    accessToken: options.accessToken ?? 'pat-sandbox-token',
    clientSecret: options.clientSecret ?? 'sandbox-client-secret',
    appId: String(options.appId ?? '1000001'),
    portalId: options.portalId ?? 8_800_001,
    ...(target !== undefined ? { webhookTargetUrl: target } : {}),
    subscriptions: options.subscriptions ?? hsmeta?.subscriptions ?? [],
    variables: { ...options.variables },
    retrySchedule: [...(options.webhookRetrySchedule ?? DEFAULT_RETRY_SCHEDULE_MS)],
    maxAttempts: options.webhookMaxAttempts ?? 10,
    timeoutMs: options.webhookTimeoutMs ?? 5_000,
    batchDelayMs: options.webhookBatchDelayMs ?? 50,
    maxConcurrent: options.webhookMaxConcurrentRequests ?? hsmeta?.settings.maxConcurrentRequests ?? 10,
    faults: { ...options.faults },
    seed: options.seed ?? 1,
    searchIndexDelayMs: options.searchIndexDelayMs ?? DEFAULT_SEARCH_INDEX_DELAY_MS,
    ...(options.now !== undefined ? { now: options.now } : {}),
    associationPageSize: positiveInt(options.associationPageSize ?? 500, 'associationPageSize'),
    customObjectAssociationCategory: options.customObjectAssociationCategory ?? 'USER_DEFINED',
    projects: options.projects ?? false,
  };
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (is ${value})`);
  return value;
}
