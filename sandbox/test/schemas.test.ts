import type { ObjectSchemaEgg } from '@hubspot/api-client/lib/codegen/crm/schemas';
import { apiError, present, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ portalId: 4242 });
});
afterAll(() => h.sandbox.stop());
beforeEach(() => h.sandbox.reset());

const scopeEgg = (name = 'delivery_scope'): ObjectSchemaEgg => ({
  name,
  labels: { singular: 'Scope', plural: 'Scopes' },
  primaryDisplayProperty: 'scope_name',
  requiredProperties: ['scope_name'],
  searchableProperties: ['scope_name'],
  secondaryDisplayProperties: ['status'],
  properties: [
    { name: 'scope_name', label: 'Scope name', type: 'string', fieldType: 'text' } as ObjectSchemaEgg['properties'][number],
    {
      name: 'status',
      label: 'Status',
      type: 'enumeration',
      fieldType: 'select',
      options: [
        { label: 'Draft', value: 'draft', displayOrder: 0, hidden: false },
        { label: 'Approved', value: 'approved', displayOrder: 1, hidden: false },
      ],
    } as ObjectSchemaEgg['properties'][number],
    { name: 'proposal_hours', label: 'Proposal hours', type: 'number', fieldType: 'number' } as ObjectSchemaEgg['properties'][number],
  ],
  associatedObjects: ['DEAL', 'COMPANY'],
});

describe('custom object schemas', () => {
  it('creates a schema (201) with ids, properties, group and associations', async () => {
    const schema = await h.client.crm.schemas.coreApi.create(scopeEgg());
    const objectTypeId = present(schema.objectTypeId);
    expect(objectTypeId).toMatch(/^2-\d+$/);
    expect(schema.fullyQualifiedName).toBe('p4242_delivery_scope');
    expect(schema.name).toBe('delivery_scope');
    expect(schema.labels).toEqual({ singular: 'Scope', plural: 'Scopes' });
    expect(schema.primaryDisplayProperty).toBe('scope_name');
    expect(schema.archived).toBe(false);
    expect(schema.createdAt).toBeInstanceOf(Date);
    expect(schema.properties.map((p) => p.name)).toEqual(expect.arrayContaining(['scope_name', 'status', 'proposal_hours', 'hs_object_id']));
    expect(schema.associations.map((a) => a.toObjectTypeId).sort()).toEqual(['0-2', '0-3']);
    for (const a of schema.associations) expect(a.fromObjectTypeId).toBe(schema.objectTypeId);

    const groups = await h.client.crm.properties.groupsApi.getAll(objectTypeId);
    expect(groups.results.map((g) => g.name)).toContain('delivery_scope_information');
    const prop = await h.client.crm.properties.coreApi.getByName(present(schema.fullyQualifiedName), 'status');
    expect(prop.groupName).toBe('delivery_scope_information');
    expect(prop.options.map((o) => o.value)).toEqual(['draft', 'approved']);
  });

  it('lists and reads by objectTypeId, fully qualified name and bare name', async () => {
    const created = await h.client.crm.schemas.coreApi.create(scopeEgg());
    const all = await h.client.crm.schemas.coreApi.getAll();
    expect(all.results.map((s) => s.objectTypeId)).toEqual([created.objectTypeId]);
    for (const token of [present(created.objectTypeId), present(created.fullyQualifiedName), 'delivery_scope']) {
      const got = await h.client.crm.schemas.coreApi.getById(token);
      expect(got.objectTypeId).toBe(created.objectTypeId);
    }
  });

  it('409 CONFLICT on a duplicate name (any case); 400 on an invalid or reserved name', async () => {
    await h.client.crm.schemas.coreApi.create(scopeEgg());
    const dup = await apiError(h.client.crm.schemas.coreApi.create(scopeEgg('Delivery_Scope')));
    expect(dup.code).toBe(409);
    expect(dup.body).toMatchObject({ status: 'error', category: 'CONFLICT' });
    expect((await apiError(h.client.crm.schemas.coreApi.create(scopeEgg('9scope')))).code).toBe(400);
    expect((await apiError(h.client.crm.schemas.coreApi.create(scopeEgg('has-dash')))).code).toBe(400);
    expect((await apiError(h.client.crm.schemas.coreApi.create(scopeEgg('services')))).code).toBe(400);
    // letters of any case are allowed
    await expect(h.client.crm.schemas.coreApi.create(scopeEgg('Customer_Status'))).resolves.toMatchObject({ name: 'Customer_Status' });
  });

  it('400 when required/primary properties are not defined', async () => {
    const err = await apiError(h.client.crm.schemas.coreApi.create({ ...scopeEgg(), requiredProperties: ['nope'] }));
    expect(err.code).toBe(400);
    expect(err.body['category']).toBe('VALIDATION_ERROR');
  });

  it('PATCH updates labels and display properties (200, ObjectTypeDefinition)', async () => {
    const created = await h.client.crm.schemas.coreApi.create(scopeEgg());
    const patched = await h.client.crm.schemas.coreApi.update(present(created.fullyQualifiedName), {
      labels: { singular: 'Delivery scope', plural: 'Delivery scopes' },
      secondaryDisplayProperties: ['proposal_hours'],
    });
    expect(patched.labels.singular).toBe('Delivery scope');
    expect(patched.portalId).toBe(4242);
    const got = await h.client.crm.schemas.coreApi.getById(present(created.objectTypeId));
    expect(got.secondaryDisplayProperties).toEqual(['proposal_hours']);
    expect((await apiError(h.client.crm.schemas.coreApi.update('no_such', { labels: { singular: 'x' } }))).code).toBe(404);
  });

  it('creates association definitions (201) with distinct unlabelled USER_DEFINED type ids per direction', async () => {
    const created = await h.client.crm.schemas.coreApi.create({ ...scopeEgg(), associatedObjects: [] });
    const scope = { objectTypeId: present(created.objectTypeId), fullyQualifiedName: present(created.fullyQualifiedName) };
    const def = await h.client.crm.schemas.coreApi.createAssociation(scope.objectTypeId, { fromObjectTypeId: scope.objectTypeId, toObjectTypeId: '0-3' });
    expect(def.fromObjectTypeId).toBe(scope.objectTypeId);
    expect(def.toObjectTypeId).toBe('0-3');
    expect(def.id).toMatch(/^\d+$/);
    const forward = await h.client.crm.associations.v4.schema.definitionsApi.getAll(scope.objectTypeId, 'deals');
    const backward = await h.client.crm.associations.v4.schema.definitionsApi.getAll('deal', scope.fullyQualifiedName);
    expect(forward.results).toEqual([{ category: 'USER_DEFINED', typeId: Number(def.id), label: null }]);
    expect(backward.results).toHaveLength(1);
    expect(backward.results[0]?.category).toBe('USER_DEFINED');
    expect(backward.results[0]?.typeId).not.toBe(Number(def.id));
    // a second unnamed definition for the same pair is a conflict
    expect(
      (await apiError(h.client.crm.schemas.coreApi.createAssociation(scope.objectTypeId, { fromObjectTypeId: '0-3', toObjectTypeId: scope.objectTypeId })))
        .code,
    ).toBe(409);
  });

  it('records of a custom object are addressable by 2-…, fqn and name', async () => {
    const created = await h.client.crm.schemas.coreApi.create(scopeEgg());
    const schema = { objectTypeId: present(created.objectTypeId), fullyQualifiedName: present(created.fullyQualifiedName) };
    const rec = await h.client.crm.objects.basicApi.create(schema.objectTypeId, { properties: { scope_name: 'Phase 1', status: 'draft' }, associations: [] });
    for (const token of [schema.objectTypeId, schema.fullyQualifiedName, 'delivery_scope']) {
      const got = await h.client.crm.objects.basicApi.getById(token, rec.id, ['scope_name', 'status']);
      expect(got.properties).toEqual({ scope_name: 'Phase 1', status: 'draft' });
    }
    const bad = await apiError(h.client.crm.objects.basicApi.update(schema.objectTypeId, rec.id, { properties: { status: 'shipped' } }));
    expect(bad.code).toBe(400);
  });
});
