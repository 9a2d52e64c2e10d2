import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects';
import { FilterOperatorEnum as Op } from '@hubspot/api-client/lib/codegen/crm/objects';
import { startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults: { searchRateLimit: false }, searchIndexDelayMs: 150 });
});
afterAll(() => h.sandbox.stop());
beforeEach(async () => {
  h.sandbox.reset();
  h.sandbox.setSearchIndexDelay(150);
});

const won = { filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: Op.Eq, value: 'closedwon' }] }] };
const search = (req: Partial<PublicObjectSearchRequest>) =>
  h.client.crm.objects.searchApi.doSearch('deals', {
    filterGroups: [],
    sorts: [],
    properties: ['dealname', 'dealstage'],
    limit: 100,
    ...req,
  } as PublicObjectSearchRequest);
const names = (res: { results: Array<{ properties: Record<string, string | null> }> }) => res.results.map((r) => r.properties['dealname']);
const seedWon = (n: number) => Array.from({ length: n }, (_, i) => h.sandbox.createObject('deals', { dealname: `D${i}`, dealstage: 'closedwon' }).id);

describe('search: after is an offset into the current result set', () => {
  it('records written out of the set shift the next page past records never seen', async () => {
    h.sandbox.setSearchIndexDelay(0);
    const ids = seedWon(6);
    const first = await search({ ...won, limit: 2 });
    expect(names(first)).toEqual(['D0', 'D1']);
    for (const id of ids.slice(0, 2)) h.sandbox.updateObject('deals', id, { dealstage: 'contractsent' });
    const second = await search({ ...won, limit: 2, after: first.paging!.next!.after });
    expect(names(second)).toEqual(['D4', 'D5']);
  });
});

describe('search: the index lags writes', () => {
  it('a new record is not found until the delay has passed', async () => {
    seedWon(1);
    expect(names(await search(won))).toEqual([]);
    await h.sandbox.searchIndexed();
    expect(names(await search(won))).toEqual(['D0']);
  });

  it('an updated record still matches, and shows, its old values; a read by id is current', async () => {
    const [id] = seedWon(1);
    await h.sandbox.searchIndexed();
    await h.client.crm.objects.basicApi.update('deals', id!, { properties: { dealstage: 'contractsent', dealname: 'Moved' } });
    const stale = await search(won);
    expect(stale.results.map((r) => [r.id, r.properties.dealname, r.properties.dealstage])).toEqual([[id, 'D0', 'closedwon']]);
    const read = await h.client.crm.objects.basicApi.getById('deals', id!, ['dealstage']);
    expect(read.properties.dealstage).toBe('contractsent');
    await h.sandbox.idle();
    expect(names(await search(won))).toEqual([]);
  });

  it('an archived record is still found for a moment', async () => {
    const [id] = seedWon(1);
    await h.sandbox.searchIndexed();
    await h.client.crm.objects.basicApi.archive('deals', id!);
    expect(names(await search(won))).toEqual(['D0']);
    await h.sandbox.searchIndexed();
    expect(names(await search(won))).toEqual([]);
  });

  it('delay 0 turns the lag off', async () => {
    h.sandbox.setSearchIndexDelay(0);
    seedWon(1);
    expect(names(await search(won))).toEqual(['D0']);
  });
});
