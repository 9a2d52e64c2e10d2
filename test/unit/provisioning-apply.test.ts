import { HubSpotError } from '../../src/hubspot/errors';
import type { CreateOutcome, PortalObjectSchema } from '../../src/hubspot/portal-types';
import { dealProperties, loadModel } from '../../src/model';
import { applyPlan, ApplyError, planProvisioning, type ProvisioningGateway } from '../../src/provisioning';
import { freshPortal, portalState } from '../fixtures/model/portal-state';

const model = loadModel('schemas');

/** Records every write; reads are not used by apply except to find a 409'd object's id. */
function recordingGateway(overrides: Partial<ProvisioningGateway> = {}) {
  const calls: string[] = [];
  let next = 5001;
  const gateway: ProvisioningGateway = {
    listObjectSchemas: async () => [],
    listGroups: async () => [],
    listProperties: async () => [],
    listLabels: async () => [],
    listPipelines: async () => [],
    createObjectSchema: async (body) => {
      calls.push(`createObject ${body.name}`);
      return { outcome: 'created', schema: { name: body.name, objectTypeId: `2-${next++}` } as PortalObjectSchema };
    },
    updateObjectSchema: async (id) => void calls.push(`updateObject ${id}`),
    createObjectAssociation: async (id, to) => (calls.push(`associate ${id} ${to}`), 'created'),
    createGroup: async (type, body) => (calls.push(`createGroup ${type}.${body.name}`), 'created'),
    updateGroup: async (type, name) => void calls.push(`updateGroup ${type}.${name}`),
    createProperties: async (type, bodies) => {
      calls.push(`createProperties ${type} ×${bodies.length}`);
      return new Map(bodies.map((b) => [b.name, 'created' as CreateOutcome]));
    },
    updateProperty: async (type, name) => void calls.push(`updateProperty ${type}.${name}`),
    createLabel: async (from, to, body) => (calls.push(`createLabel ${from}→${to} ${body.name}`), 'created'),
    ...overrides,
  };
  return { gateway, calls };
}

describe('applyPlan', () => {
  it('creates objects first, then groups, properties in one batch per object type, then labels with resolved ids', async () => {
    const { gateway, calls } = recordingGateway();
    const summary = await applyPlan(planProvisioning(model, freshPortal(model)), gateway);
    expect(calls).toEqual([
      'createObject change_order',
      'createObject customer_status',
      'createObject deal_commitment',
      'createObject delivery_scope',
      'createObject service_contract',
      'createGroup deals.delivery_handoff',
      'createGroup deals.close_gate',
      'createGroup deals.delivery_health',
      'createGroup deals.handoff_review',
      `createProperties deals ×${dealProperties(model).length}`,
      'createLabel deals→2-5004 approved_scope',
      'createLabel deals→2-5004 superseded_scope',
      'createLabel deals→2-5005 governing_contract',
      'createLabel companies→2-5002 current_status',
    ]);
    const created = model.objects.length + model.deals.groups.length + dealProperties(model).length + model.associations.length;
    expect(summary).toEqual({ created, updated: 0, existed: 0, conflicts: 0, drift: 0 });
  });

  it('makes no call for a provisioned portal', async () => {
    const { gateway, calls } = recordingGateway();
    const summary = await applyPlan(planProvisioning(model, portalState(model)), gateway);
    expect(calls).toEqual([]);
    expect(summary).toEqual({ created: 0, updated: 0, existed: 0, conflicts: 0, drift: 0 });
  });

  it('uses the objectTypeIds of objects that exist, and counts 409s as already done', async () => {
    const state = portalState(model, { objects: ['delivery_scope'], deals: true, labels: false });
    const { gateway, calls } = recordingGateway({
      createLabel: async (from, to, body) => (calls.push(`createLabel ${from}→${to} ${body.name}`), body.name === 'approved_scope' ? 'existed' : 'created'),
    });
    const summary = await applyPlan(planProvisioning(model, state), gateway);
    expect(calls).toContain(`createLabel deals→${state.schemas[0]!.objectTypeId} approved_scope`);
    expect(summary.existed).toBe(1);
  });

  it('finds the id of an object whose create raced (409) before labelling it', async () => {
    const { gateway, calls } = recordingGateway({
      createObjectSchema: async (body) => (calls.push(`createObject ${body.name}`), { outcome: 'existed' }),
      listObjectSchemas: async () => model.objects.map((o, i) => ({ name: o.name, objectTypeId: `2-${700 + i}` }) as PortalObjectSchema),
    });
    await applyPlan(planProvisioning(model, freshPortal(model)), gateway);
    expect(calls).toContain('createLabel deals→2-703 approved_scope');
  });

  it('stops at the first failure with the change concerned and what was done before', async () => {
    const failure = new HubSpotError(500, 'HubSpot failed with 500', undefined, {}, 'creating custom object delivery_scope');
    const { gateway, calls } = recordingGateway({
      createObjectSchema: async (body) => {
        if (body.name === 'delivery_scope') throw failure;
        calls.push(`createObject ${body.name}`);
        return { outcome: 'created', schema: { name: body.name, objectTypeId: '2-1' } as PortalObjectSchema };
      },
    });
    const err = await applyPlan(planProvisioning(model, freshPortal(model)), gateway).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplyError);
    expect((err as ApplyError).cause).toBe(failure);
    expect((err as ApplyError).changes.map((c) => c.target)).toEqual([{ type: 'object', object: 'delivery_scope' }]);
    expect((err as ApplyError).summary.created).toBe(3);
    expect(calls).toEqual(['createObject change_order', 'createObject customer_status', 'createObject deal_commitment']);
  });

  it('reports progress for each change, batched ones included', async () => {
    const { gateway } = recordingGateway();
    const seen: string[] = [];
    await applyPlan(planProvisioning(model, freshPortal(model)), gateway, { onProgress: (c, o) => seen.push(`${o} ${c.target.type}`) });
    expect(seen.filter((s) => s === 'created property')).toHaveLength(dealProperties(model).length);
  });
});
