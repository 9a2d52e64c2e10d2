import type { Client } from '@hubspot/api-client';
import { createOnce, type FindCreated } from './create-once';
import { HubSpotError } from './errors';
import { coolDownAfter, guarded, guardedWrite, type CallGuards } from './guarded-call';
import type { BudgetKind } from './rate-budget';
import { withRetry, type RetryPolicy } from './retry';
import { WriteFencedError } from './write-fence';
import { SearchThrottle } from './search-throttle';
import type { AssociatedId, AssociationLabel, CreateInput, CrmRecord, Owner, Pipeline, Properties, SearchPage, SearchRequest, UpdateInput } from './types';
import { toCrmRecord, toPipeline } from './convert';

export const BATCH_LIMIT = 100;
export const SEARCH_PAGE_LIMIT = 200;

export interface CallObserver {
  (operation: string, outcome: 'ok' | 'error', status?: number): void;
}

export interface GatewayOptions extends CallGuards {
  retry: RetryPolicy;
  observe?: CallObserver;
  /** Spaces searches when there is no budget (the budget's search slots replace it). */
  searchThrottle?: SearchThrottle;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * The batched CRM gateway: every read and write the service makes to HubSpot objects goes through
 * here, in batches of up to 100, with retries, the shared budget and the breaker (guarded-call.ts).
 */
export class CrmGateway {
  private readonly throttle: SearchThrottle;

  constructor(
    private readonly client: Client,
    private readonly options: GatewayOptions,
  ) {
    this.throttle = options.searchThrottle ?? new SearchThrottle();
  }

  private async call<T>(operation: string, fn: () => Promise<T>, kind: BudgetKind = 'request'): Promise<T> {
    return this.observed(operation, (policy) => withRetry(operation, guarded(this.options, kind, operation, fn), policy));
  }

  /** A call that changes HubSpot: each attempt is sent only while the job's write fence holds. */
  private async write<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    return this.observed(operation, (policy) => withRetry(operation, guardedWrite(this.options, operation, fn), policy));
  }

  /** Runs `run` with the retry policy, reporting each failed attempt and the outcome to `observe`. */
  private async observed<T>(operation: string, run: (policy: RetryPolicy) => Promise<T>): Promise<T> {
    try {
      const result = await run({
        ...this.options.retry,
        onRetry: (err, attempt, ms) => {
          this.options.observe?.(operation, 'error', err.status);
          coolDownAfter(this.options, err, ms);
          this.options.retry.onRetry?.(err, attempt, ms);
        },
      });
      this.options.observe?.(operation, 'ok');
      return result;
    } catch (err) {
      if (err instanceof HubSpotError && !(err instanceof WriteFencedError)) this.options.observe?.(operation, 'error', err.status);
      throw err;
    }
  }

  /** Batch read by id; ids that do not exist are simply absent from the map. */
  async readMany(objectType: string, ids: string[], properties: string[], propertiesWithHistory: string[] = []): Promise<Map<string, CrmRecord>> {
    const found = new Map<string, CrmRecord>();
    for (const part of chunk(unique(ids), BATCH_LIMIT)) {
      const res = await this.call(`batch read ${objectType}`, () =>
        this.client.crm.objects.batchApi.read(objectType, {
          inputs: part.map((id) => ({ id })),
          properties,
          propertiesWithHistory,
        }),
      );
      for (const r of res.results) found.set(r.id, toCrmRecord(r));
    }
    return found;
  }

  /**
   * v4 batch read of associations; ids with none map to an empty list. HubSpot answers one page
   * per record: a row with more carries `paging.next.after`, asked for again as `{id, after}`
   * until no row has a next page.
   */
  async associationsOf(fromType: string, toType: string, ids: string[]): Promise<Map<string, AssociatedId[]>> {
    const out = new Map<string, AssociatedId[]>();
    for (const id of unique(ids)) out.set(id, []);
    let pending: Array<{ id: string; after?: string }> = unique(ids).map((id) => ({ id }));
    const asked = new Set<string>();
    while (pending.length > 0) {
      const next: Array<{ id: string; after: string }> = [];
      for (const part of chunk(pending, BATCH_LIMIT)) {
        const res = await this.call(`batch read associations ${fromType}→${toType}`, () =>
          this.client.crm.associations.v4.batchApi.getPage(fromType, toType, { inputs: part }),
        );
        for (const row of res.results) {
          const id = String(row._from.id);
          const seen = out.get(id) ?? [];
          const known = new Set(seen.map((a) => a.id));
          const added = row.to
            .map((t) => ({
              id: String(t.toObjectId),
              typeIds: t.associationTypes.map((a) => a.typeId),
              labels: t.associationTypes.map((a) => a.label).filter((l): l is string => !!l),
            }))
            .filter((a) => !known.has(a.id));
          out.set(id, [...seen, ...added]);
          const after = row.paging?.next?.after;
          // A cursor already asked for would loop forever; HubSpot's never repeat.
          if (after && !asked.has(`${id} ${after}`)) {
            asked.add(`${id} ${after}`);
            next.push({ id, after });
          }
        }
      }
      pending = next;
    }
    return out;
  }

  /**
   * Batch update. Records that no longer exist (deleted since we read them) are returned as
   * `missingIds` rather than failing the whole batch; any other partial failure throws.
   */
  async updateMany(objectType: string, inputs: UpdateInput[]): Promise<{ missingIds: string[] }> {
    const missingIds: string[] = [];
    for (const part of chunk(inputs, BATCH_LIMIT)) {
      const res = await this.write(`batch update ${objectType}`, () =>
        this.client.crm.objects.batchApi.update(objectType, {
          inputs: part.map((i) => ({ id: i.id, properties: clean(i.properties) })),
        }),
      );
      const errors = batchErrors(res);
      const notFound = errors.filter((e) => e.category === 'OBJECT_NOT_FOUND' || e.status === 'NOT_FOUND' || /not found/i.test(e.message ?? ''));
      for (const e of notFound) missingIds.push(...idsOf(e));
      if (notFound.length < errors.length) failOnBatchErrors({ errors: errors.filter((e) => !notFound.includes(e)) }, `batch update ${objectType}`);
    }
    return { missingIds };
  }

  /**
   * Batch create, each input made once: key → the new record's id. Each input's key travels as its
   * objectWriteTraceId; after a failure that may have been applied, `find` (one batched lookup)
   * says what the failed attempt made, and only the rest is sent again (see create-once.ts).
   */
  async createMany(objectType: string, inputs: CreateInput[], find: FindCreated): Promise<Map<string, string>> {
    const created = new Map<string, string>();
    const operation = `batch create ${objectType}`;
    const send = async (part: CreateInput[]) => {
      const res = await guardedWrite(this.options, operation, () =>
        this.client.crm.objects.batchApi.create(objectType, {
          inputs: part.map((i) => ({
            objectWriteTraceId: i.key,
            properties: clean(i.properties),
            associations: (i.associations ?? []).map((a) => ({
              to: { id: a.toId },
              types: [{ associationCategory: (a.category ?? 'HUBSPOT_DEFINED') as never, associationTypeId: a.typeId }],
            })),
          })),
        }),
      )();
      failOnBatchErrors(res, operation);
      return res.results;
    };
    for (const part of chunk(inputs, BATCH_LIMIT)) {
      const made = await this.observed(operation, (policy) => createOnce(operation, part, send, find, policy));
      for (const [key, id] of made) created.set(key, id);
    }
    return created;
  }

  /** Batch archive (HubSpot's recycle bin): the second copy of a record two processes both created. */
  async archiveMany(objectType: string, ids: string[]): Promise<void> {
    for (const part of chunk(unique(ids), BATCH_LIMIT)) {
      await this.write(`batch archive ${objectType}`, () => this.client.crm.objects.batchApi.archive(objectType, { inputs: part.map((id) => ({ id })) }));
    }
  }

  /** One create (a batch of one, for the same guarantees); the new record's id. */
  async create(objectType: string, input: CreateInput, find: FindCreated): Promise<string> {
    return (await this.createMany(objectType, [input], find)).get(input.key)!;
  }

  async update(objectType: string, id: string, properties: Properties): Promise<void> {
    await this.write(`update ${objectType} ${id}`, () => this.client.crm.objects.basicApi.update(objectType, id, { properties: clean(properties) }));
  }

  async search(objectType: string, request: SearchRequest): Promise<SearchPage> {
    // Every attempt takes a slot, retries included: HubSpot counts them against the 5 per second.
    const res = await this.call(
      `search ${objectType}`,
      async () => {
        if (!this.options.budget) await this.throttle.acquire();
        return this.client.crm.objects.searchApi.doSearch(objectType, {
          ...request,
          limit: Math.min(request.limit ?? SEARCH_PAGE_LIMIT, SEARCH_PAGE_LIMIT),
          sorts: request.sorts as unknown as string[] | undefined,
          filterGroups: request.filterGroups as never,
        });
      },
      'search',
    );
    return { total: res.total, results: res.results.map(toCrmRecord), after: res.paging?.next?.after };
  }

  async pipelines(objectType = 'deals'): Promise<Pipeline[]> {
    const res = await this.call(`read pipelines ${objectType}`, () => this.client.crm.pipelines.pipelinesApi.getAll(objectType));
    return res.results.map(toPipeline);
  }

  async associationLabels(fromType: string, toType: string): Promise<AssociationLabel[]> {
    const res = await this.call(`read association labels ${fromType}→${toType}`, () =>
      this.client.crm.associations.v4.schema.definitionsApi.getAll(fromType, toType),
    );
    return res.results.map((r) => ({ typeId: r.typeId, label: r.label ?? null, category: String(r.category) }));
  }

  /** Custom object schemas: name → objectTypeId, one call. */
  async customObjectTypes(): Promise<Array<{ name: string; objectTypeId: string; fullyQualifiedName: string }>> {
    const res = await this.call('read custom object schemas', () => this.client.crm.schemas.coreApi.getAll());
    return res.results.map((s) => ({ name: s.name, objectTypeId: s.objectTypeId ?? s.id, fullyQualifiedName: s.fullyQualifiedName ?? s.name }));
  }

  /** Active owners, 500 a page (HubSpot's maximum), so names replace user ids in what people read. */
  async owners(): Promise<Owner[]> {
    const out: Owner[] = [];
    let after: string | undefined;
    do {
      const res = await this.call('read owners', () => this.client.crm.owners.ownersApi.getPage(undefined, after, 500, false));
      out.push(...res.results.map((o) => ({ id: o.id, email: o.email, firstName: o.firstName, lastName: o.lastName, userId: o.userId })));
      after = res.paging?.next?.after;
    } while (after);
    return out;
  }
}

function clean(properties: Properties): Record<string, string> {
  // HubSpot clears a property when it receives an empty string.
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v ?? '']));
}

interface BatchErrorRow {
  message?: string;
  status?: string;
  category?: string;
  context?: Record<string, unknown>;
}

function batchErrors(res: object): BatchErrorRow[] {
  return (res as { errors?: BatchErrorRow[] }).errors ?? [];
}

function idsOf(e: BatchErrorRow): string[] {
  const ids = e.context?.ids ?? e.context?.id;
  return Array.isArray(ids) ? ids.map(String) : ids !== undefined ? [String(ids)] : [];
}

function failOnBatchErrors(res: object, operation: string): void {
  const errors = batchErrors(res);
  if (errors && errors.length) {
    const first = errors[0]!;
    throw new HubSpotError(
      207,
      `HubSpot applied only part of ${operation}: ${errors.length} input(s) failed, first: ${first.message ?? first.status ?? 'unknown'}.`,
      { message: first.message, errors: errors as never },
      {},
      operation,
    );
  }
}
