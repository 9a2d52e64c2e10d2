import nock from 'nock';
import { loadModel } from '../../src/model';
import { provisionCli } from '../fixtures/model/cli-harness';
import { hubSpotAnswers } from '../fixtures/model/hubspot-answers';
import { expectReads, hubSpotApi, type SeenRequest } from '../fixtures/model/nock-portal';

const model = loadModel('schemas');
const SCHEMAS = '/crm-object-schemas/v3/schemas';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('provision failures against HubSpot (nock)', () => {
  it('401: says the token is rejected and names HUBSPOT_ACCESS_TOKEN; reads nothing more, exit 1', async () => {
    const seen: SeenRequest[] = [];
    const api = hubSpotApi(seen);
    api
      .get(SCHEMAS)
      .reply(401, { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION', correlationId: 'c-401' });
    const cli = provisionCli();

    expect(await cli.run('plan')).toBe(1);
    expect(api.isDone()).toBe(true);
    expect(seen).toHaveLength(1);
    expect(cli.stderr()).toContain('HubSpot rejected the access token (401) during reading custom object schemas. Check that HUBSPOT_ACCESS_TOKEN');
    expect(cli.stderr()).toContain('correlationId: c-401');
    expect(cli.stdout()).toBe('');
  });

  it('403 on schemas: names Enterprise and the scope HubSpot lists', async () => {
    const api = hubSpotApi([]);
    api.get(SCHEMAS).reply(403, {
      status: 'error',
      message: "This app hasn't been granted all required scopes to make this call.",
      category: 'MISSING_SCOPES',
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredScopes: ['crm.schemas.custom.read'] } }],
    });
    const cli = provisionCli();

    expect(await cli.run('apply', '--yes')).toBe(1);
    expect(cli.stderr()).toContain('HubSpot refused reading custom object schemas (403)');
    expect(cli.stderr()).toContain('custom objects need an Enterprise hub');
    expect(cli.stderr()).toContain('Scope needed: crm.schemas.custom.read');
  });

  it('403 on a deal property write without a scope list: names the scope the call needs', async () => {
    const api = hubSpotApi([]);
    expectReads(api, hubSpotAnswers(model, { deals: false }));
    for (const g of model.deals.groups)
      api.post('/crm/v3/properties/deals/groups').reply(201, { name: g.name, label: g.label, displayOrder: 0, archived: false });
    api.post('/crm/v3/properties/deals/batch/create').reply(403, { status: 'error', message: 'Forbidden', category: 'MISSING_SCOPES' });
    const cli = provisionCli();

    expect(await cli.run('apply', '--yes')).toBe(1);
    expect(cli.stderr()).toContain('Apply failed on property deals.');
    expect(cli.stderr()).toContain('Scope needed: crm.schemas.deals.write');
  });

  it('403 on reading association labels: names the record scopes (crm.objects.*) the labels API takes, never crm.schemas.*', async () => {
    const api = hubSpotApi([]);
    const answers = hubSpotAnswers(model);
    const [refused, ...rest] = answers.labels;
    expectReads(api, { ...answers, labels: rest });
    api.get(refused!.path).reply(403, { status: 'error', message: 'Forbidden', category: 'MISSING_SCOPES' });
    const cli = provisionCli();

    expect(await cli.run('plan')).toBe(1);
    // The other reads were in flight when the 403 stopped the plan: let them land before the next test.
    for (let i = 0; i < 100 && !api.isDone(); i++) await new Promise((r) => setTimeout(r, 10));
    const hint = /Scope needed: (.*) \(Settings/.exec(cli.stderr())?.[1] ?? '';
    expect(hint.split(', ').length).toBeGreaterThan(0);
    for (const scope of hint.split(', ')) expect(scope).toMatch(/^crm\.objects\.(deals|companies|contacts|custom)\.read$/);
  });

  it('429 (ten-secondly) then success: waits as HubSpot asks and carries on', async () => {
    const seen: SeenRequest[] = [];
    const api = hubSpotApi(seen);
    api.get(SCHEMAS).reply(
      429,
      {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId: 'c-429',
        policyName: 'TEN_SECONDLY_ROLLING',
      },
      { 'X-HubSpot-RateLimit-Max': '190', 'X-HubSpot-RateLimit-Remaining': '0', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' },
    );
    expectReads(api, hubSpotAnswers(model));
    const waits: number[] = [];
    const cli = provisionCli({ retries: 2, baseMs: 1, sleep: async (ms) => void waits.push(ms) });

    expect(await cli.run('plan')).toBe(0);
    expect(api.isDone()).toBe(true);
    expect(waits).toEqual([1]);
    expect(seen.filter((r) => r.path === SCHEMAS)).toHaveLength(2);
    expect(cli.stdout()).toContain('Plan: 0 to create, 0 to update, 0 conflicts, 0 drift (left alone).');
  });

  it("400 from HubSpot: prints HubSpot's message and the properties it concerns, exit 1", async () => {
    const api = hubSpotApi([]);
    expectReads(api, hubSpotAnswers(model, { deals: false }));
    for (const g of model.deals.groups)
      api.post('/crm/v3/properties/deals/groups').reply(201, { name: g.name, label: g.label, displayOrder: 0, archived: false });
    api.post('/crm/v3/properties/deals/batch/create').reply(400, {
      status: 'error',
      message: 'Property values were not valid',
      category: 'VALIDATION_ERROR',
      correlationId: 'c-400',
      errors: [{ message: 'textarea is not a valid fieldType for a date property', context: { propertyName: ['handoff_first_milestone_date'] } }],
    });
    const cli = provisionCli();
    const count = model.deals.groups.flatMap((g) => g.properties).length;

    expect(await cli.run('apply', '--yes')).toBe(1);
    const first = model.deals.groups[0]!.properties[0]!.name;
    expect(cli.stderr()).toContain(`Apply failed on property deals.${first} (and ${count - 1} more in the same batch):`);
    expect(cli.stderr()).toContain(`HubSpot rejected creating ${count} properties on deals (400). HubSpot said: "Property values were not valid"`);
    expect(cli.stderr()).toContain('  HubSpot: textarea is not a valid fieldType for a date property');
    expect(cli.stderr()).toContain(`${model.deals.groups.length} change(s) were applied before the failure.`);
  });

  it('a batch answered 207 with "already exists" errors counts those as done', async () => {
    const api = hubSpotApi([]);
    expectReads(api, hubSpotAnswers(model, { deals: false }));
    for (const g of model.deals.groups)
      api.post('/crm/v3/properties/deals/groups').reply(201, { name: g.name, label: g.label, displayOrder: 0, archived: false });
    const [existing, ...rest] = model.deals.groups.flatMap((g) => g.properties.map((p) => ({ ...p, groupName: g.name })));
    api.post('/crm/v3/properties/deals/batch/create').reply(207, {
      status: 'COMPLETE',
      results: rest.map((p) => ({ name: p.name, label: p.label, type: p.type, fieldType: p.fieldType, groupName: p.groupName, description: '', options: [] })),
      errors: [
        {
          status: 'error',
          category: 'OBJECT_ALREADY_EXISTS',
          message: `A property named '${existing!.name}' already exists.`,
          context: {},
          links: {},
          errors: [],
        },
      ],
      numErrors: 1,
      startedAt: '2026-11-21T10:00:00.000Z',
      completedAt: '2026-11-21T10:00:01.000Z',
    });
    const cli = provisionCli();

    expect(await cli.run('apply', '--yes')).toBe(0);
    expect(cli.stdout()).toContain(`= already existed: property deals.${existing!.name}`);
  });
});
