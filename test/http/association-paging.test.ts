import { CrmGateway } from '../../src/hubspot/crm-gateway';
import { startHarness, type Harness } from '../helpers/stand-in-harness';

/**
 * HubSpot's v4 association batch read answers one page of associated records per input; the
 * rest come with `paging.next.after`, asked for again as `{id, after}`. A company with more deals
 * than a page used to be read as having only the first page.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ associationPageSize: 2 });
});
afterAll(async () => h.sandbox.stop());
beforeEach(() => h.sandbox.reset());

function companyWithDeals(count: number): { companyId: string; dealIds: string[] } {
  const companyId = h.sandbox.createObject('companies', { name: 'Many deals' }).id;
  const dealIds = Array.from({ length: count }, (_, i) => {
    const id = h.sandbox.createObject('deals', { dealname: `Deal ${i}` }).id;
    h.sandbox.associate('companies', companyId, 'deals', id);
    return id;
  });
  return { companyId, dealIds };
}

describe('stand-in: v4 association batch read pages per record', () => {
  it('answers a page per input with paging.next.after, and the rest for {id, after}', async () => {
    const { companyId, dealIds } = companyWithDeals(5);
    const seen: string[] = [];
    let input: { id: string; after?: string } = { id: companyId };
    for (let page = 0; page < 10; page++) {
      const res = await h.client.crm.associations.v4.batchApi.getPage('companies', 'deals', { inputs: [input] });
      const row = res.results[0]!;
      expect(row.to.length).toBeLessThanOrEqual(2);
      seen.push(...row.to.map((t) => String(t.toObjectId)));
      const after = row.paging?.next?.after;
      if (!after) break;
      input = { id: companyId, after };
    }
    expect(seen).toEqual(dealIds);
  });

  it('a record within one page carries no paging', async () => {
    const { companyId } = companyWithDeals(2);
    const res = await h.client.crm.associations.v4.batchApi.getPage('companies', 'deals', { inputs: [{ id: companyId }] });
    expect(res.results[0]?.to).toHaveLength(2);
    expect(res.results[0]?.paging).toBeUndefined();
  });
});

describe('CrmGateway.associationsOf reads every page', () => {
  it('returns all deals of a company with more than a page, and pages only the records that need it', async () => {
    const many = companyWithDeals(5);
    const few = companyWithDeals(1);
    const gateway = new CrmGateway(h.client, { retry: { retries: 0, baseMs: 1 } });
    h.sandbox.resetCounters();
    const links = await gateway.associationsOf('companies', 'deals', [many.companyId, few.companyId]);
    expect(links.get(many.companyId)?.map((a) => a.id)).toEqual(many.dealIds);
    expect(links.get(few.companyId)?.map((a) => a.id)).toEqual(few.dealIds);
    // 5 deals at 2 a page: the first call for both companies, then two follow-ups for one.
    expect(h.sandbox.calls().total).toBe(3);
  });
});
