import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects';
import { FilterOperatorEnum as Op } from '@hubspot/api-client/lib/codegen/crm/objects';
import { apiError, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  // The 5-per-second search limit gets its own test; the others must not trip it. The index lag
  // has its own file (search-index.test.ts): here writes are searchable at once.
  h = await startHarness({ faults: { searchRateLimit: false }, searchIndexDelayMs: 0 });
});
afterAll(() => h.sandbox.stop());

const search = (req: Partial<PublicObjectSearchRequest>, type = 'deals') =>
  h.client.crm.objects.searchApi.doSearch(type, {
    filterGroups: [],
    sorts: [],
    properties: ['dealname'],
    limit: 100,
    after: '0',
    ...req,
  } as PublicObjectSearchRequest);
const names = (res: { results: Array<{ properties: Record<string, string | null> }> }) => res.results.map((r) => r.properties['dealname']);

describe('search: filters, sorting, paging', () => {
  beforeAll(() => {
    h.sandbox.reset();
    const rows: Array<[string, string, string, string]> = [
      ['Alpha deal', '100', '2026-01-10T10:00:00Z', 'appointmentscheduled'],
      ['Beta deal', '250.5', '2026-02-01T00:00:00Z', 'closedwon'],
      ['gamma Project', '90', '2026-03-15T12:00:00Z', 'closedwon'],
      ['Delta', '', '', 'closedlost'],
    ];
    for (const [dealname, amount, closedate, dealstage] of rows) {
      h.sandbox.createObject('deals', { dealname, ...(amount ? { amount } : {}), ...(closedate ? { closedate } : {}), dealstage });
    }
  });

  it('EQ is case-insensitive for strings; NEQ; numbers compare numerically', async () => {
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'dealname', operator: Op.Eq, value: 'alpha DEAL' }] }] }))).toEqual(['Alpha deal']);
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: Op.Neq, value: 'closedwon' }] }] }))).toEqual([
      'Alpha deal',
      'Delta',
    ]);
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'amount', operator: Op.Gt, value: '99' }] }] }))).toEqual([
      'Alpha deal',
      'Beta deal',
    ]);
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'amount', operator: Op.Lte, value: '100' }] }] }))).toEqual([
      'Alpha deal',
      'gamma Project',
    ]);
  });

  it('dates as epoch ms or ISO; BETWEEN; HAS_PROPERTY / NOT_HAS_PROPERTY', async () => {
    const feb = String(Date.UTC(2026, 1, 1));
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'closedate', operator: Op.Gte, value: feb }] }] }))).toEqual([
      'Beta deal',
      'gamma Project',
    ]);
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'closedate', operator: Op.Lt, value: '2026-02-01' }] }] }))).toEqual(['Alpha deal']);
    expect(
      names(
        await search({
          filterGroups: [
            { filters: [{ propertyName: 'closedate', operator: Op.Between, value: '2026-01-01T00:00:00Z', highValue: String(Date.UTC(2026, 1, 28)) }] },
          ],
        }),
      ),
    ).toEqual(['Alpha deal', 'Beta deal']);
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'amount', operator: Op.NotHasProperty }] }] }))).toEqual(['Delta']);
    expect((await search({ filterGroups: [{ filters: [{ propertyName: 'amount', operator: Op.HasProperty }] }] })).total).toBe(3);
  });

  it('IN / NOT_IN, CONTAINS_TOKEN, OR of groups and AND within a group', async () => {
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: Op.In, values: ['closedwon', 'closedlost'] }] }] }))).toEqual(
      ['Beta deal', 'gamma Project', 'Delta'],
    );
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: Op.NotIn, values: ['closedwon'] }] }] }))).toEqual([
      'Alpha deal',
      'Delta',
    ]);
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'dealname', operator: Op.ContainsToken, value: 'project' }] }] }))).toEqual([
      'gamma Project',
    ]);
    expect(names(await search({ filterGroups: [{ filters: [{ propertyName: 'dealname', operator: Op.ContainsToken, value: 'del*' }] }] }))).toEqual(['Delta']);
    const res = await search({
      filterGroups: [
        {
          filters: [
            { propertyName: 'dealstage', operator: Op.Eq, value: 'closedwon' },
            { propertyName: 'amount', operator: Op.Lt, value: '100' },
          ],
        },
        { filters: [{ propertyName: 'dealname', operator: Op.Eq, value: 'Delta' }] },
      ],
    });
    expect(names(res)).toEqual(['gamma Project', 'Delta']);
  });

  it('sorts by object form and string form; default hs_object_id ascending', async () => {
    expect(names(await search({}))).toEqual(['Alpha deal', 'Beta deal', 'gamma Project', 'Delta']);
    const byAmountDesc = await search({ sorts: [{ propertyName: 'amount', direction: 'DESCENDING' } as unknown as string] });
    expect(names(byAmountDesc)).toEqual(['Beta deal', 'Alpha deal', 'gamma Project', 'Delta']);
    expect(names(await search({ sorts: ['-closedate'] }))).toEqual(['gamma Project', 'Beta deal', 'Alpha deal', 'Delta']);
    expect(names(await search({ sorts: ['dealname'] }))).toEqual(['Alpha deal', 'Beta deal', 'Delta', 'gamma Project']);
  });

  it('returns requested properties plus id and dates, pages with after, reports total', async () => {
    const first = await search({ limit: 3 });
    expect(first.total).toBe(4);
    expect(first.results).toHaveLength(3);
    expect(Object.keys(first.results[0]?.properties ?? {}).sort()).toEqual(['createdate', 'dealname', 'hs_lastmodifieddate', 'hs_object_id']);
    expect(first.paging?.next?.after).toBe('3');
    const second = await search({ limit: 3, after: first.paging?.next?.after ?? '' });
    expect(names(second)).toEqual(['Delta']);
    expect(second.paging).toBeUndefined();
    const text = await h.client.crm.objects.searchApi.doSearch('deals', {
      query: 'beta',
      filterGroups: [],
      sorts: [],
      properties: ['dealname'],
      limit: 10,
      after: '0',
    });
    expect(names(text)).toEqual(['Beta deal']);
  });

  it('searches tasks by association to a deal', async () => {
    const deal = h.sandbox.listObjects('deals')[0];
    const task = h.sandbox.createObject(
      'tasks',
      { hs_timestamp: '2026-01-01T00:00:00Z', hs_task_subject: 'x' },
      { associations: [{ toObjectType: 'deals', toObjectId: deal?.id ?? '' }] },
    );
    h.sandbox.createObject('tasks', { hs_timestamp: '2026-01-01T00:00:00Z', hs_task_subject: 'other' });
    const res = await h.client.crm.objects.searchApi.doSearch('tasks', {
      filterGroups: [{ filters: [{ propertyName: 'associations.deal', operator: Op.Eq, value: deal?.id ?? '' }] }],
      sorts: [],
      properties: ['hs_task_subject'],
      limit: 10,
      after: '0',
    });
    expect(res.results.map((r) => r.id)).toEqual([task.id]);
  });
});

describe('search: HubSpot limits', () => {
  it('400 over limit 200, more than 5 filter groups, more than 6 filters in a group, unknown property', async () => {
    const f = { propertyName: 'dealname', operator: Op.HasProperty };
    for (const req of [
      { limit: 201 },
      { filterGroups: Array.from({ length: 6 }, () => ({ filters: [f] })) },
      { filterGroups: [{ filters: Array.from({ length: 7 }, () => f) }] },
      { filterGroups: [{ filters: [{ propertyName: 'nope', operator: Op.Eq, value: '1' }] }] },
      { filterGroups: [{ filters: [{ propertyName: 'dealname', operator: Op.Eq }] }] },
    ]) {
      const err = await apiError(search(req));
      expect(err.code).toBe(400);
      expect(err.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    }
    await expect(search({ limit: 200 })).resolves.toBeDefined();
  });

  it('stops at 10,000 results: the cursor is handed out, using it is a 400', async () => {
    h.sandbox.reset();
    for (let i = 0; i < 10_005; i++) h.sandbox.createObject('deals', { dealname: `d${i}` });
    const nearEnd = await search({ limit: 200, after: '9800', properties: ['dealname'] });
    expect(nearEnd.total).toBe(10_005);
    expect(nearEnd.results).toHaveLength(200);
    expect(nearEnd.paging?.next?.after).toBe('10000');
    const err = await apiError(search({ limit: 200, after: '10000' }));
    expect(err.code).toBe(400);
    expect(String(err.body['message'])).toMatch(/10000/);
  });

  it('more than 5 searches in a second → 429 "secondly limit" without rate-limit headers', async () => {
    h.sandbox.reset();
    h.sandbox.setFaults({ searchRateLimit: true });
    const results = await Promise.allSettled(Array.from({ length: 7 }, () => search({ limit: 1 })));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(rejected).toHaveLength(2);
    const err = rejected[0]?.reason as { code: number; body: Record<string, unknown>; headers: Record<string, string> };
    expect(err.code).toBe(429);
    expect(err.body).toMatchObject({ status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
    expect(Object.keys(err.headers).filter((k) => k.startsWith('x-hubspot-ratelimit'))).toEqual([]);
    expect(h.sandbox.calls().searchLimit429).toBe(2);
    // other endpoints are not affected
    await expect(h.client.crm.deals.basicApi.getPage(1)).resolves.toBeDefined();
    await new Promise((r) => setTimeout(r, 1050));
    await expect(search({ limit: 1 })).resolves.toBeDefined();
  });
});
