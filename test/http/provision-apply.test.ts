import nock from 'nock';
import { loadModel, type CustomObjectDef, type PropertyDef } from '../../src/model';
import { provisionCli } from '../fixtures/model/cli-harness';
import { hubSpotAnswers, propertyAnswer, schemaAnswer } from '../fixtures/model/hubspot-answers';
import { expectReads, hubSpotApi, type SeenRequest } from '../fixtures/model/nock-portal';

const model = loadModel('schemas');
const writes = (seen: SeenRequest[]) => seen.filter((r) => r.method !== 'GET');

/** HubSpot's documented create bodies, written out independently of src/provisioning/payloads.ts. */
const wireProperty = (p: PropertyDef, groupName?: string) => ({
  name: p.name,
  label: p.label,
  type: p.type,
  fieldType: p.fieldType,
  ...(groupName ? { groupName } : {}),
  ...(p.description ? { description: p.description } : {}),
  ...(p.options ? { options: p.options.map((o, i) => ({ label: o.label, value: o.value, displayOrder: i, hidden: false })) } : {}),
  ...(p.hasUniqueValue !== undefined ? { hasUniqueValue: p.hasUniqueValue } : {}),
});
const wireSchema = (o: CustomObjectDef) => ({
  name: o.name,
  labels: o.labels,
  ...(o.description ? { description: o.description } : {}),
  primaryDisplayProperty: o.primaryDisplayProperty,
  secondaryDisplayProperties: o.secondaryDisplayProperties,
  searchableProperties: o.searchableProperties,
  requiredProperties: o.requiredProperties,
  associatedObjects: o.associatedObjects,
  properties: o.properties.map((p) => wireProperty(p)),
});
const idOf = (name: string) =>
  schemaAnswer(
    model,
    model.objects.find((o) => o.name === name)!,
  ).objectTypeId;
const endOf = (name: string) => (model.objects.some((o) => o.name === name) ? idOf(name) : name);

/** Every write a fresh apply makes after the objects in `skip` exist, answered with HubSpot's statuses. */
function expectWrites(api: nock.Scope, skip: string[] = []): void {
  for (const o of model.objects.filter((x) => !skip.includes(x.name))) {
    api.post('/crm-object-schemas/v3/schemas', wireSchema(o)).reply(201, schemaAnswer(model, o));
  }
  for (const g of model.deals.groups) {
    api
      .post('/crm/v3/properties/deals/groups', { name: g.name, label: g.label, ...(g.displayOrder !== undefined ? { displayOrder: g.displayOrder } : {}) })
      .reply(201, { ...g, properties: undefined, archived: false });
  }
  const inputs = model.deals.groups.flatMap((g) => g.properties.map((p) => wireProperty(p, g.name)));
  api.post('/crm/v3/properties/deals/batch/create', { inputs }).reply(201, {
    status: 'COMPLETE',
    results: model.deals.groups.flatMap((g) => g.properties.map((p) => propertyAnswer(p, g.name))),
    startedAt: '2026-11-21T10:00:00.000Z',
    completedAt: '2026-11-21T10:00:01.000Z',
  });
  model.associations.forEach((l, i) => {
    api
      .post(`/crm/v4/associations/${endOf(l.from)}/${endOf(l.to)}/labels`, { name: l.name, label: l.label })
      .reply(200, { results: [{ category: 'USER_DEFINED', typeId: 300 + i, label: l.label }] });
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('provision apply against HubSpot (nock)', () => {
  it('provisions a fresh portal: schemas (201), deal groups (201), one properties batch (201), labels (200)', async () => {
    const seen: SeenRequest[] = [];
    const api = hubSpotApi(seen);
    expectReads(api, hubSpotAnswers(model, { objects: [], deals: false }));
    expectWrites(api);
    const cli = provisionCli();

    const code = await cli.run('apply', '--yes');

    expect(cli.stderr()).toBe('');
    expect(code).toBe(0);
    expect(api.isDone()).toBe(true);
    expect(writes(seen).map((r) => `${r.method} ${r.path}`)).toEqual([
      ...model.objects.map(() => 'POST /crm-object-schemas/v3/schemas'),
      ...model.deals.groups.map(() => 'POST /crm/v3/properties/deals/groups'),
      'POST /crm/v3/properties/deals/batch/create',
      ...model.associations.map((l) => `POST /crm/v4/associations/${endOf(l.from)}/${endOf(l.to)}/labels`),
    ]);
    expect(cli.stdout()).toContain(`  + created object ${model.objects[0]!.name}\n`);
    expect(cli.stdout()).toMatch(/Apply complete: \d+ created, 0 updated, 0 already existed\.\n\nWebhooks name custom objects/);
    // HubSpot's webhooks need the new object's 2-… id: apply says which and what to run next.
    expect(cli.stdout()).toMatch(/ {2}service_contract: 2-\d+ → profile variable SERVICE_CONTRACT_OBJECT_TYPE_ID\n/);
    expect(cli.stdout()).toContain('npm run project:webhooks -- --from-portal --profile production');
  });

  it('re-applied to a provisioned portal, makes reads only: zero writes', async () => {
    const seen: SeenRequest[] = [];
    const api = hubSpotApi(seen);
    expectReads(api, hubSpotAnswers(model));
    const cli = provisionCli();

    const code = await cli.run('apply', '--yes');

    expect(code).toBe(0);
    expect(api.isDone()).toBe(true);
    expect(writes(seen)).toEqual([]);
    expect(cli.stdout()).toContain('Plan: 0 to create, 0 to update, 0 conflicts, 0 drift (left alone).');
    expect(cli.stdout()).toContain('Nothing to apply: the portal matches schemas/.');
  });

  it('resumes after a 500 half-way: the re-run creates only what is missing', async () => {
    const [first, second] = model.objects as [CustomObjectDef, CustomObjectDef];
    const seen: SeenRequest[] = [];
    const api = hubSpotApi(seen);
    expectReads(api, hubSpotAnswers(model, { objects: [], deals: false }));
    api.post('/crm-object-schemas/v3/schemas', wireSchema(first)).reply(201, schemaAnswer(model, first));
    api.post('/crm-object-schemas/v3/schemas', wireSchema(second)).reply(500, { status: 'error', message: 'internal error', correlationId: 'c-500' });
    const interrupted = provisionCli();

    expect(await interrupted.run('apply', '--yes')).toBe(1);
    expect(api.isDone()).toBe(true);
    expect(interrupted.stderr()).toContain(
      `Apply failed on object ${second.name}:\nHubSpot failed with 500 during creating custom object ${second.name}; it is usually temporary, run it again.`,
    );
    expect(interrupted.stderr()).toContain('1 change(s) were applied before the failure. Run apply again');

    seen.length = 0;
    const retry = hubSpotApi(seen);
    expectReads(retry, hubSpotAnswers(model, { objects: [first.name], deals: false, labels: false }));
    expectWrites(retry, [first.name]);
    const rerun = provisionCli();

    expect(await rerun.run('apply', '--yes')).toBe(0);
    expect(retry.isDone()).toBe(true);
    const schemaPosts = writes(seen).filter((r) => r.path === '/crm-object-schemas/v3/schemas');
    expect(schemaPosts.map((r) => (r.body as { name: string }).name)).toEqual(model.objects.slice(1).map((o) => o.name));
  });

  it('treats a create answered with 409 as already done', async () => {
    const seen: SeenRequest[] = [];
    const api = hubSpotApi(seen);
    const answers = hubSpotAnswers(model, { labels: false });
    expectReads(api, answers);
    model.associations.forEach((l) => {
      const path = `/crm/v4/associations/${endOf(l.from)}/${endOf(l.to)}/labels`;
      if (l === model.associations[0]) api.post(path).reply(409, { status: 'error', message: 'A label with this name already exists' });
      else api.post(path).reply(200, { results: [] });
    });
    const cli = provisionCli();

    expect(await cli.run('apply', '--yes')).toBe(0);
    expect(api.isDone()).toBe(true);
    expect(cli.stdout()).toContain(`= already existed: label ${model.associations[0]!.from} → ${model.associations[0]!.to}`);
    expect(cli.stdout()).toContain(`${model.associations.length - 1} created, 0 updated, 1 already existed.`);
  });
});

describe('provision apply of safe updates (nock)', () => {
  it('adds a missing association (201), PATCHes a property keeping its options, PATCHes the schema', async () => {
    const scope = model.objects.find((o) => o.role === 'scope')!;
    const scopeId = idOf(scope.name);
    const answers = hubSpotAnswers(model);
    const schema = answers.schemas.results.find((s) => s.name === scope.name)!;
    schema.associations = schema.associations.filter((a) => a.toObjectTypeId !== '0-2');
    schema.labels = { singular: 'Old', plural: 'Olds' };
    const gate = answers.dealProperties.results.find((p) => p.name === 'gate_status')!;
    gate.options = [...gate.options.filter((o) => o.value !== 'overridden'), { label: 'Legacy', value: 'legacy', displayOrder: 7, hidden: false }];
    const seen: SeenRequest[] = [];
    const api = hubSpotApi(seen);
    expectReads(api, answers);
    api
      .post(`/crm-object-schemas/v3/schemas/${scopeId}/associations`, { fromObjectTypeId: scopeId, toObjectTypeId: '0-2' })
      .reply(201, { id: '77', fromObjectTypeId: scopeId, toObjectTypeId: '0-2', name: `${scope.name}_to_company` });
    const gateDef = model.deals.groups.flatMap((g) => g.properties).find((p) => p.name === 'gate_status')!;
    const options = [
      ...gateDef.options!.map((o, i) => ({ label: o.label, value: o.value, displayOrder: i, hidden: false })),
      { label: 'Legacy', value: 'legacy', displayOrder: gateDef.options!.length, hidden: false },
    ];
    api.patch('/crm/v3/properties/deals/gate_status', { options }).reply(200, { ...gate, options });
    api.patch(`/crm-object-schemas/v3/schemas/${scopeId}`, { labels: scope.labels }).reply(200, { ...schema, labels: scope.labels });
    const cli = provisionCli();

    expect(await cli.run('apply', '--yes')).toBe(1);
    expect(api.isDone()).toBe(true);
    expect(writes(seen).map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /crm-object-schemas/v3/schemas/${scopeId}/associations`,
      'PATCH /crm/v3/properties/deals/gate_status',
      `PATCH /crm-object-schemas/v3/schemas/${scopeId}`,
    ]);
    // The option removed from schemas/ is a conflict: kept in HubSpot, and the exit code says so.
    expect(cli.stdout()).toContain('! conflict property deals.gate_status: option(s) "legacy" in HubSpot but not in schemas/');
    expect(cli.stdout()).toContain('1 conflict(s) and 0 drift left alone.');
  });
});
