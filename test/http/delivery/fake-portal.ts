import nock from 'nock';

/**
 * A small stateful HubSpot behind nock for the delivery tests: batch read/update/create of any
 * object, v4 association batch reads paged per record (PAGE links a page), deal search by id
 * cursor, ticket pipelines. It answers batches in reverse order (HubSpot promises none), creates
 * with 201 and the objectWriteTraceId, and records every call so tests can pin and count them.
 */

export const API = 'https://api.hubapi.com';
const at = '2026-11-21T09:00:00.000Z';
const PAGE = 2;

type Props = Record<string, string | null>;
type Req = Call['body'];
export interface Call {
  method: string;
  path: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class FakePortal {
  readonly records = new Map<string, Map<string, Props>>();
  private readonly links = new Map<string, Array<{ id: string; label: string | null }>>();
  readonly calls: Call[] = [];
  /** Object types the portal refuses (status), e.g. invoices 403. */
  readonly refused = new Map<string, number>();
  private nextId = 9000;

  put(type: string, id: string, properties: Props): this {
    if (!this.records.has(type)) this.records.set(type, new Map());
    this.records.get(type)!.set(id, { ...(this.records.get(type)!.get(id) ?? {}), ...properties });
    return this;
  }

  get(type: string, id: string): Props | undefined {
    return this.records.get(type)?.get(id);
  }

  link(from: string, fromId: string, to: string, toId: string, label: string | null = null): this {
    const add = (a: string, aId: string, b: string, bId: string, l: string | null) => {
      const key = `${a}|${b}|${aId}`;
      if (!(this.links.get(key) ?? []).some((x) => x.id === bId)) this.links.set(key, [...(this.links.get(key) ?? []), { id: bId, label: l }]);
    };
    add(from, fromId, to, toId, label);
    add(to, toId, from, fromId, null);
    return this;
  }

  linksOf(from: string, fromId: string, to: string): string[] {
    return (this.links.get(`${from}|${to}|${fromId}`) ?? []).map((l) => l.id);
  }

  writes(): Call[] {
    return this.calls.filter((c) => /batch\/(update|create)$/.test(c.path));
  }

  private refusal(types: string[]): [number, object] | undefined {
    const status = types.map((t) => this.refused.get(t)).find((s) => s !== undefined);
    return status === undefined
      ? undefined
      : [
          status,
          { status: 'error', message: "This app hasn't been granted all required scopes to make this call.", category: 'MISSING_SCOPES', correlationId: 'c-1' },
        ];
  }

  private object(type: string, id: string, properties?: string[]) {
    const all = this.get(type, id)!;
    const props = properties ? Object.fromEntries(properties.map((p) => [p, all[p] ?? null])) : all;
    return { id, properties: props, createdAt: all.createdate ?? at, updatedAt: at, archived: false };
  }

  install(): void {
    const api = nock(API).persist();
    const record = (method: string) => (path: string, body: unknown) => this.calls.push({ method, path, body });
    const post = record('POST');
    api.post(/^\/crm\/v3\/objects\/[^/]+\/batch\/read$/).reply((path, body: Req) => {
      post(path, body);
      const type = path.split('/')[4]!;
      const refused = this.refusal([type]);
      if (refused) return refused;
      const found = body.inputs.map((i: { id: string }) => i.id).filter((id: string) => this.get(type, id));
      return [
        200,
        { status: 'COMPLETE', results: found.reverse().map((id: string) => this.object(type, id, body.properties)), startedAt: at, completedAt: at },
      ];
    });
    api.post(/^\/crm\/v3\/objects\/[^/]+\/batch\/update$/).reply((path, body: Req) => {
      post(path, body);
      const type = path.split('/')[4]!;
      for (const i of body.inputs) this.put(type, i.id, i.properties);
      return [
        200,
        { status: 'COMPLETE', results: [...body.inputs].reverse().map((i: { id: string }) => this.object(type, i.id)), startedAt: at, completedAt: at },
      ];
    });
    api.post(/^\/crm\/v3\/objects\/[^/]+\/batch\/create$/).reply((path, body: Req) => {
      post(path, body);
      const type = path.split('/')[4]!;
      const made = body.inputs.map(
        (i: { objectWriteTraceId: string; properties: Props; associations: Array<{ to: { id: string }; types: Array<{ associationTypeId: number }> }> }) => {
          const id = String(this.nextId++);
          this.put(type, id, i.properties);
          for (const a of i.associations) if (a.types[0]!.associationTypeId === 216) this.link(type, id, 'deals', a.to.id);
          return { ...this.object(type, id), objectWriteTraceId: i.objectWriteTraceId };
        },
      );
      return [201, { status: 'COMPLETE', results: made.reverse(), startedAt: at, completedAt: at }];
    });
    api.post(/^\/crm\/v4\/associations\/[^/]+\/[^/]+\/batch\/read$/).reply((path, body: Req) => {
      post(path, body);
      const [, , , , from, to] = path.split('/') as string[];
      const refused = this.refusal([from!, to!]);
      if (refused) return refused;
      const rows = body.inputs.flatMap((i: { id: string; after?: string }) => {
        const all = this.links.get(`${from}|${to}|${i.id}`) ?? [];
        const start = Number(i.after ?? 0);
        if (!all.length) return [];
        const page = all.slice(start, start + PAGE);
        const more = start + PAGE < all.length;
        return [
          {
            from: { id: i.id },
            to: page.map((l) => ({
              toObjectId: Number(l.id),
              associationTypes: [{ category: l.label ? 'USER_DEFINED' : 'HUBSPOT_DEFINED', typeId: l.label ? 201 : 100, label: l.label }],
            })),
            ...(more ? { paging: { next: { after: String(start + PAGE), link: '' } } } : {}),
          },
        ];
      });
      const missing = body.inputs.length - rows.length;
      const errors = missing ? [{ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'No associations found', context: {} }] : [];
      return [
        missing ? 207 : 200,
        { status: 'COMPLETE', results: rows.reverse(), ...(missing ? { numErrors: 1, errors } : {}), startedAt: at, completedAt: at },
      ];
    });
    api.post('/crm/v3/objects/deals/search').reply((path, body: Req) => {
      post(path, body);
      const groups: Array<{ filters: Array<{ propertyName: string; operator: string; value?: string; values?: string[] }> }> = body.filterGroups;
      const matches = (p: Props, id: string) =>
        groups.some((g) =>
          g.filters.every((f) => {
            const v = f.propertyName === 'hs_object_id' ? id : (p[f.propertyName] ?? null);
            if (f.operator === 'IN') return v !== null && f.values!.includes(v);
            if (f.operator === 'NOT_HAS_PROPERTY') return v === null || v === '';
            if (f.operator === 'GT') return Number(v) > Number(f.value);
            throw new Error(`fake search: ${f.operator}`);
          }),
        );
      const hits = [...(this.records.get('deals') ?? new Map<string, Props>())].filter(([id, p]) => matches(p, id)).sort(([a], [b]) => Number(a) - Number(b));
      const page = hits.slice(0, body.limit);
      return [
        200,
        {
          total: hits.length,
          results: page.map(([id]) => this.object('deals', id, ['hs_object_id'])),
          ...(hits.length > body.limit ? { paging: { next: { after: String(body.limit) } } } : {}),
        },
      ];
    });
    api.get('/crm/v3/pipelines/tickets').reply((path) => {
      this.calls.push({ method: 'GET', path, body: undefined });
      const stage = (id: string, state: string, displayOrder: number) => ({
        id,
        label: id,
        displayOrder,
        metadata: { ticketState: state },
        archived: false,
        createdAt: at,
        updatedAt: at,
      });
      return [
        200,
        {
          results: [
            {
              id: '0',
              label: 'Support',
              displayOrder: 0,
              archived: false,
              createdAt: at,
              updatedAt: at,
              stages: [stage('1', 'OPEN', 0), stage('4', 'CLOSED', 1)],
            },
          ],
        },
      ];
    });
  }
}
