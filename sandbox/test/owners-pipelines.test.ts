import { apiError, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.stop());
beforeEach(() => h.sandbox.reset());

describe('owners', () => {
  it("lists seeded owners with the client's shape and pages with after", async () => {
    const all = await h.client.crm.owners.ownersApi.getPage(undefined, undefined, 100);
    expect(all.results.length).toBeGreaterThanOrEqual(3);
    const first = all.results[0];
    expect(first).toMatchObject({ id: expect.stringMatching(/^\d+$/), email: expect.stringContaining('@'), archived: false, type: 'PERSON' });
    expect(typeof first?.userId).toBe('number');
    expect(first?.createdAt).toBeInstanceOf(Date);
    expect(first?.teams?.[0]).toMatchObject({ name: 'Sales', primary: true });

    const page1 = await h.client.crm.owners.ownersApi.getPage(undefined, undefined, 2);
    expect(page1.results).toHaveLength(2);
    const page2 = await h.client.crm.owners.ownersApi.getPage(undefined, page1.paging?.next?.after, 2);
    expect(page2.results[0]?.id).toBe(all.results[2]?.id);
  });

  it('seeds more owners; reads by id, by userId and filters by email', async () => {
    const [seeded] = h.sandbox.seedOwners([{ email: 'new.am@example.com', firstName: 'New', lastName: 'AM', userId: 4242 }]);
    const byId = await h.client.crm.owners.ownersApi.getById(Number(seeded?.id));
    expect(byId).toMatchObject({ email: 'new.am@example.com', firstName: 'New', userId: 4242 });
    const byUser = await h.client.crm.owners.ownersApi.getById(4242, 'userId');
    expect(byUser.id).toBe(seeded?.id);
    const byEmail = await h.client.crm.owners.ownersApi.getPage('new.am@example.com');
    expect(byEmail.results.map((o) => o.id)).toEqual([seeded?.id]);
    expect((await apiError(h.client.crm.owners.ownersApi.getById(1))).code).toBe(404);
    // a seeded owner can own records
    await expect(
      h.client.crm.deals.basicApi.create({ properties: { dealname: 'x', hubspot_owner_id: seeded?.id ?? '' }, associations: [] }),
    ).resolves.toBeDefined();
  });
});

describe('pipelines', () => {
  it('serves the default and services pipelines with string stage metadata', async () => {
    const all = await h.client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(all.results.map((p) => p.id)).toEqual(['default', 'services']);
    const sales = all.results[0];
    expect(sales?.label).toBe('Sales Pipeline');
    expect(sales?.stages.map((s) => s.id)).toEqual([
      'appointmentscheduled',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'contractsent',
      'closedwon',
      'closedlost',
    ]);
    expect(sales?.stages.find((s) => s.id === 'closedwon')?.metadata).toEqual({ isClosed: 'true', probability: '1.0' });
    expect(sales?.stages.find((s) => s.id === 'closedlost')?.metadata).toEqual({ isClosed: 'true', probability: '0.0' });
    expect(sales?.createdAt).toBeInstanceOf(Date);
    const services = await h.client.crm.pipelines.pipelinesApi.getById('0-3', 'services');
    const won = services.stages.filter((s) => s.metadata?.['isClosed'] === 'true' && Number(s.metadata?.['probability']) === 1);
    expect(won.map((s) => s.id)).toEqual(['svc_signed']);
    expect((await apiError(h.client.crm.pipelines.pipelinesApi.getById('deals', 'nope'))).code).toBe(404);
  });

  it('a seeded pipeline is served and usable by deals', async () => {
    h.sandbox.seedPipeline({
      id: '9001',
      label: 'Renewals',
      displayOrder: 2,
      stages: [{ id: '9001-won', label: 'Renewed', displayOrder: 0, metadata: { isClosed: 'true', probability: '1.0' } }],
    });
    const p = await h.client.crm.pipelines.pipelinesApi.getById('deals', '9001');
    expect(p.stages[0]?.id).toBe('9001-won');
    const deal = await h.client.crm.deals.basicApi.create({ properties: { dealname: 'r', pipeline: '9001' }, associations: [] });
    expect(deal.properties).toMatchObject({ dealstage: '9001-won', hs_is_closed_won: 'true' });
  });
});
