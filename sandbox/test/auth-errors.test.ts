import { Client } from '@hubspot/api-client';
import { apiError, raw, startHarness, UUID, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.stop());

describe('authentication', () => {
  it("answers 401 with HubSpot's body to a wrong token", async () => {
    const wrong = new Client({ accessToken: 'pat-wrong', basePath: h.sandbox.url, numberOfApiCallRetries: 0 });
    const err = await apiError(wrong.crm.deals.basicApi.getPage());
    expect(err.code).toBe(401);
    expect(err.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect(String(err.body['message'])).toMatch(/^Authentication credentials not found/);
    expect(err.body['correlationId']).toMatch(UUID);
  });

  it('answers 401 without an Authorization header', async () => {
    const res = await fetch(`${h.sandbox.url}/crm/v3/owners/`);
    expect(res.status).toBe(401);
  });

  it('accepts the configured token', async () => {
    await expect(h.client.crm.owners.ownersApi.getPage()).resolves.toBeDefined();
  });
});

describe('error shapes', () => {
  it('404 for a missing object', async () => {
    const err = await apiError(h.client.crm.deals.basicApi.getById('123'));
    expect(err.code).toBe(404);
    expect(err.body).toEqual({
      status: 'error',
      message: 'Object not found. objectId are usually numeric.',
      correlationId: expect.stringMatching(UUID),
      category: 'OBJECT_NOT_FOUND',
    });
  });

  it('400 for an object type it cannot infer', async () => {
    const err = await apiError(h.client.crm.objects.basicApi.getById('widgets', '1'));
    expect(err.code).toBe(400);
    expect(err.body).toMatchObject({ category: 'VALIDATION_ERROR', message: 'Unable to infer object type from: widgets' });
  });

  it('400 for malformed JSON', async () => {
    const res = await fetch(`${h.sandbox.url}/crm/v3/objects/deals`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${h.sandbox.accessToken}`, 'Content-Type': 'application/json' },
      body: '{"properties":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('JSON 404 for endpoints the sandbox does not serve', async () => {
    const res = await raw(h.sandbox, 'GET', '/crm/v3/nothing/here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 'error', correlationId: expect.stringMatching(UUID) });
  });

  it('a bad act-as header is a 400, not a silent app write', async () => {
    const res = await raw(h.sandbox, 'POST', '/crm/v3/objects/deals', { properties: { dealname: 'x' } }, { 'X-Sandbox-Act-As': 'bob' });
    expect(res.status).toBe(400);
  });
});
