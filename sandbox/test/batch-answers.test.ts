import { apiError, startHarness, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.sandbox.stop();
  h = undefined;
});
async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  h = await startHarness(...args);
  return h;
}

const inputs = (names: string[]) => names.map((dealname, i) => ({ properties: { dealname }, associations: [], objectWriteTraceId: `trace-${i}` }));
const NAMES = ['a', 'b', 'c', 'd', 'e'];

describe('batch answers', () => {
  it("by default results come back reversed, each with its input's objectWriteTraceId", async () => {
    const { client } = await harness();
    const res = await client.crm.deals.batchApi.create({ inputs: inputs(NAMES) });
    expect(res.results.map((r) => [r.properties.dealname, r.objectWriteTraceId])).toEqual([...NAMES].reverse().map((n) => [n, `trace-${NAMES.indexOf(n)}`]));
    const read = await client.crm.deals.batchApi.read({ inputs: res.results.map((r) => ({ id: r.id })), properties: ['dealname'], propertiesWithHistory: [] });
    expect(read.results.map((r) => r.id)).toEqual(res.results.map((r) => r.id).reverse());
  });

  it("'input' keeps the inputs' order; 'shuffled' is another order, the same for the same seed", async () => {
    const { sandbox, client } = await harness({ faults: { batchResultOrder: 'input' } });
    const create = async () => (await client.crm.deals.batchApi.create({ inputs: inputs(NAMES) })).results.map((r) => r.properties.dealname);
    expect(await create()).toEqual(NAMES);
    sandbox.setFaults({ batchResultOrder: 'shuffled' });
    const first = await create();
    expect(first).not.toEqual(NAMES);
    expect([...first].sort()).toEqual(NAMES);
    sandbox.reset();
    sandbox.setFaults({ batchResultOrder: 'shuffled' });
    expect(await create()).toEqual(first);
  });

  it('omitObjectWriteTraceIds leaves the trace ids off, as a HubSpot that does not echo them would', async () => {
    const { client } = await harness({ faults: { omitObjectWriteTraceIds: true } });
    const res = await client.crm.deals.batchApi.create({ inputs: inputs(['a', 'b']) });
    expect(res.results.map((r) => r.objectWriteTraceId)).toEqual([undefined, undefined]);
  });
});

describe('applied creates that fail', () => {
  it('appliedCreateFailsNext: the create is made, the answer is a 5xx', async () => {
    const { sandbox, client } = await harness({ faults: { appliedCreateFailsNext: 1, serverErrorStatuses: [504] } });
    const err = await apiError(client.crm.deals.batchApi.create({ inputs: inputs(['made']) }));
    expect(err.code).toBe(504);
    expect(sandbox.listObjects('deals').map((d) => d.properties.dealname)).toEqual(['made']);
    expect(sandbox.calls().appliedCreateFailed).toBe(1);
    await client.crm.deals.batchApi.create({ inputs: inputs(['next']) });
    expect(sandbox.listObjects('deals')).toHaveLength(2);
  });

  it("'drop' closes the connection without an answer; appliedCreateTypes limits the fault to some types", async () => {
    const { sandbox, client } = await harness({ faults: { appliedCreateFailsNext: 1, appliedCreateFailure: 'drop', appliedCreateTypes: ['tasks'] } });
    await client.crm.deals.batchApi.create({ inputs: inputs(['deal']) });
    const task = { properties: { hs_task_subject: 'made', hs_timestamp: '2027-01-01T09:00:00Z' }, associations: [] };
    const failure = await client.crm.objects.batchApi.create('tasks', { inputs: [task] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // undici's TypeError comes from another realm than jest's, so no toBeInstanceOf.
    expect([(failure as Error).message, (failure as { code?: unknown }).code]).toEqual(['fetch failed', undefined]);
    expect(sandbox.listObjects('tasks').map((t) => t.properties.hs_task_subject)).toEqual(['made']);
  });

  it('a create that fails on its own is answered as it is (nothing applied, the fault not spent)', async () => {
    const { sandbox, client } = await harness({ faults: { appliedCreateFailsNext: 1 } });
    expect((await apiError(client.crm.deals.batchApi.create({ inputs: [{ properties: { amount: 'x' }, associations: [] }] }))).code).toBe(400);
    expect(sandbox.calls().appliedCreateFailed).toBe(0);
  });
});
