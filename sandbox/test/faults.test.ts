import { apiError, raw, startHarness, type Harness } from './helpers';

let h: Harness | undefined;
afterEach(async () => {
  await h?.sandbox.stop();
  h = undefined;
});
async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  h = await startHarness(...args);
  return h;
}

describe('faults', () => {
  it("rateLimit429: HubSpot's TEN_SECONDLY_ROLLING body, headers readable on ApiException", async () => {
    const { sandbox, client } = await harness({ faults: { rateLimit429: 1 } });
    const err = await apiError(client.crm.deals.basicApi.getPage());
    expect(err.code).toBe(429);
    expect(err.body).toEqual({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: expect.any(String),
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect(err.headers['x-hubspot-ratelimit-max']).toBe('190');
    expect(err.headers['x-hubspot-ratelimit-remaining']).toBe('0');
    expect(err.headers['x-hubspot-ratelimit-interval-milliseconds']).toBe('10000');
    expect(err.headers['retry-after']).toBe('1');
    expect(sandbox.calls().injected429).toBe(1);
    sandbox.setFaults({ rateLimit429: 0 });
    await expect(client.crm.deals.basicApi.getPage()).resolves.toBeDefined();
  });

  it('rateLimitNext / serverErrorNext fail exactly the next N calls', async () => {
    const { sandbox, client } = await harness({ faults: { rateLimitNext: 1, serverErrorNext: 2, serverErrorStatuses: [502] } });
    expect((await apiError(client.crm.deals.basicApi.getPage())).code).toBe(429);
    const e5 = await apiError(client.crm.deals.basicApi.getPage());
    expect(e5.code).toBe(502);
    expect(e5.body).toMatchObject({ status: 'error', correlationId: expect.any(String) });
    expect((await apiError(client.crm.deals.basicApi.getPage())).code).toBe(502);
    await expect(client.crm.deals.basicApi.getPage()).resolves.toBeDefined();
    expect(sandbox.calls()).toMatchObject({ injected429: 1, injected5xx: 2, total: 4 });
  });

  it('serverError5xx by probability is reproducible with a seed', async () => {
    const outcomes = async (seed: number) => {
      const { sandbox, client } = await startHarness({ seed, faults: { serverError5xx: 0.5 } });
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        codes.push(
          await client.crm.deals.basicApi.getPage().then(
            () => 200,
            (e: { code: number }) => e.code,
          ),
        );
      }
      await sandbox.stop();
      return codes;
    };
    const a = await outcomes(7);
    const b = await outcomes(7);
    expect(a).toEqual(b);
    expect(a.some((c) => c >= 500)).toBe(true);
    expect(a.some((c) => c === 200)).toBe(true);
    expect(a.filter((c) => c !== 200).every((c) => [500, 502, 503].includes(c))).toBe(true);
  });

  it('latencyMs delays every call', async () => {
    const { client } = await harness({ faults: { latencyMs: 120 } });
    const started = Date.now();
    await client.crm.owners.ownersApi.getPage();
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('a real rolling limit answers 429 with Retry-After once the window is full, and reports remaining', async () => {
    const { sandbox, client } = await harness({ faults: { rollingLimit: { max: 3, intervalMs: 1000 } } });
    const ok = await raw(sandbox, 'GET', '/crm/v3/owners/');
    expect(ok.headers.get('x-hubspot-ratelimit-remaining')).toBe('2');
    expect(ok.headers.get('x-hubspot-ratelimit-max')).toBe('3');
    await client.crm.owners.ownersApi.getPage();
    await client.crm.owners.ownersApi.getPage();
    const err = await apiError(client.crm.owners.ownersApi.getPage());
    expect(err.code).toBe(429);
    expect(err.body['policyName']).toBe('TEN_SECONDLY_ROLLING');
    expect(Number(err.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(sandbox.calls().rollingLimit429).toBe(1);
    await new Promise((r) => setTimeout(r, 1050));
    await expect(client.crm.owners.ownersApi.getPage()).resolves.toBeDefined();
  });
});

describe('counters', () => {
  it('count calls by endpoint template, by status, with totals; resettable', async () => {
    const { sandbox, client } = await harness();
    const a = await client.crm.deals.basicApi.create({ properties: { dealname: 'a' }, associations: [] });
    await client.crm.deals.batchApi.read({ inputs: [{ id: a.id }], properties: [], propertiesWithHistory: [] });
    await client.crm.objects.batchApi.read('0-3', { inputs: [{ id: a.id }], properties: [], propertiesWithHistory: [] });
    await client.crm.owners.ownersApi.getPage();
    await apiError(client.crm.deals.basicApi.getById('1'));
    const calls = sandbox.calls();
    expect(calls.total).toBe(5);
    expect(calls.byEndpoint).toEqual({
      'POST /crm/v3/objects/{objectType}': 1,
      'POST /crm/v3/objects/{objectType}/batch/read': 2,
      'GET /crm/v3/owners/': 1,
      'GET /crm/v3/objects/{objectType}/{objectId}': 1,
    });
    expect(calls.byStatus).toEqual({ '201': 1, '200': 3, '404': 1 });
    const viaAdmin = await fetch(`${sandbox.url}/_sandbox/calls`).then((r) => r.json() as Promise<{ total: number }>);
    expect(viaAdmin.total).toBe(5);
    sandbox.resetCounters();
    expect(sandbox.calls().total).toBe(0);
  });
});

describe('admin API', () => {
  it('sets faults, the clock, seeds and resets over HTTP', async () => {
    const { sandbox, client } = await harness();
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${sandbox.url}/_sandbox${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

    expect((await admin('POST', '/faults', { rateLimitNext: 1 })).body).toMatchObject({ rateLimitNext: 1 });
    expect((await apiError(client.crm.deals.basicApi.getPage())).code).toBe(429);
    expect((await admin('POST', '/faults', { rateLimit429: 2 })).status).toBe(400);

    expect((await admin('POST', '/clock', { now: '2023-03-01T00:00:00Z' })).body['now']).toBe('2023-03-01T00:00:00.000Z');
    await admin('POST', '/clock', { advanceMs: 86_400_000 });
    const deal = await client.crm.deals.basicApi.create({ properties: { dealname: 'old' }, associations: [] });
    expect(deal.properties['createdate']).toBe('2023-03-02T00:00:00.000Z');

    const seeded = await admin('POST', '/seed/objects', {
      objectType: 'deals',
      objects: [{ properties: { dealname: 'seeded', dealstage: 'closedwon' }, actAs: 'userId:9100001', at: '2022-01-01T00:00:00Z' }],
    });
    expect(seeded.status).toBe(201);
    const owners = await admin('POST', '/seed/owners', { owners: [{ email: 'x@example.com' }] });
    expect(owners.status).toBe(201);
    expect(h?.sandbox.listObjects('deals')).toHaveLength(2);

    expect((await admin('POST', '/reset')).body).toEqual({ ok: true });
    expect(sandbox.listObjects('deals')).toHaveLength(0);
    expect(sandbox.calls().total).toBe(0);
    expect((await admin('GET', '/webhooks')).body).toMatchObject({ deliveries: [], dropped: [] });
    expect((await admin('GET', '/nope')).status).toBe(404);
  });
});

describe('call timeline', () => {
  it("records each call's arrival time, endpoint and status (429s and errors included); reset empties it", async () => {
    const { sandbox, client } = await harness();
    const before = Date.now();
    await client.crm.owners.ownersApi.getPage();
    sandbox.setFaults({ rateLimitNext: 1 });
    await apiError(client.crm.deals.basicApi.getPage());
    const timeline = sandbox.callTimeline();
    expect(timeline.map((c) => [c.endpoint, c.status])).toEqual([
      ['GET /crm/v3/owners/', 200],
      ['GET /crm/v3/objects/{objectType}', 429],
    ]);
    expect(timeline.every((c) => c.at >= before && c.at <= Date.now())).toBe(true);
    sandbox.resetCounters();
    expect(sandbox.callTimeline()).toEqual([]);
  });
});
