import { dealProperties, loadModel, objectByRole } from '../../src/model';
import { planProvisioning, renderPlan, type Change, type PortalState } from '../../src/provisioning';
import { freshPortal, portalState } from '../fixtures/model/portal-state';

const model = loadModel('schemas');
const writes = (changes: Change[]) => changes.filter((c) => c.action);
const scope = objectByRole(model, 'scope');

function provisioned(): PortalState {
  return portalState(model);
}

describe('planProvisioning', () => {
  it('creates everything on a fresh portal: objects with their properties, groups, deal properties, labels', () => {
    const plan = planProvisioning(model, freshPortal(model));
    const ops = plan.changes.map((c) => c.action?.op);
    expect(ops.filter((o) => o === 'createObject')).toHaveLength(model.objects.length);
    expect(ops.filter((o) => o === 'createGroup')).toHaveLength(model.deals.groups.length);
    expect(ops.filter((o) => o === 'createProperty')).toHaveLength(dealProperties(model).length);
    expect(ops.filter((o) => o === 'createLabel')).toHaveLength(model.associations.length);
    expect(plan.summary).toEqual({
      create: model.objects.length + model.deals.groups.length + dealProperties(model).length + model.associations.length,
      update: 0,
      noop: 0,
      conflict: 0,
      drift: 0,
    });
    expect(plan.objectTypeIds).toEqual({});
    const scopeCreate = plan.changes.find((c) => c.action?.op === 'createObject' && c.target.type === 'object' && c.target.object === scope.name);
    expect(scopeCreate?.action).toMatchObject({ body: { name: scope.name, associatedObjects: scope.associatedObjects } });
    expect(scopeCreate?.action?.op === 'createObject' && scopeCreate.action.body.properties.map((p) => p.name)).toEqual(scope.properties.map((p) => p.name));
  });

  it('finds nothing to do on a provisioned portal: every change is a noop', () => {
    const plan = planProvisioning(model, provisioned());
    expect(plan.changes.filter((c) => c.kind !== 'noop')).toEqual([]);
    expect(plan.summary).toMatchObject({ create: 0, update: 0, conflict: 0, drift: 0 });
    expect(plan.objectTypeIds[scope.name]).toMatch(/^2-\d+$/);
  });

  it('reports what the portal has beyond schemas/ as drift and leaves it alone', () => {
    const state = provisioned();
    state.deals.properties.push({ ...state.deals.properties.at(-1)!, name: 'gate_legacy_flag', groupName: 'close_gate' });
    state.schemas.push({ ...state.schemas[0]!, name: 'someone_elses_object', objectTypeId: '2-9999' });
    state.labels[0]!.labels.push({ typeId: 999, label: 'Old label', category: 'USER_DEFINED' });
    const plan = planProvisioning(model, state);
    const drift = plan.changes.filter((c) => c.kind === 'drift');
    expect(drift.map((c) => c.target)).toEqual([
      { type: 'property', objectType: 'deals', name: 'gate_legacy_flag' },
      { type: 'label', from: state.labels[0]!.from, to: state.labels[0]!.to, label: 'Old label' },
      { type: 'object', object: 'someone_elses_object' },
    ]);
    expect(drift.every((c) => c.action === undefined && /left alone/.test(c.reason))).toBe(true);
    expect(writes(plan.changes)).toEqual([]);
  });

  it('reports a changed type as a conflict and never sends a change for it', () => {
    const state = provisioned();
    const hours = state.objects[scope.name]!.properties.find((p) => p.name === 'proposal_hours')!;
    hours.type = 'string';
    hours.fieldType = 'text';
    const plan = planProvisioning(model, state);
    const conflicts = plan.changes.filter((c) => c.kind === 'conflict');
    expect(conflicts).toEqual([
      expect.objectContaining({
        target: { type: 'property', objectType: scope.name, name: 'proposal_hours' },
        reason: expect.stringContaining('type is string in HubSpot but number in schemas/'),
      }),
    ]);
    expect(writes(plan.changes)).toEqual([]);
  });

  it('keeps an option removed from schemas/ (conflict) while adding a new one and relabelling', () => {
    const state = provisioned();
    const gate = state.deals.properties.find((p) => p.name === 'gate_status')!;
    gate.options = gate.options.filter((o) => o.value !== 'overridden').map((o) => (o.value === 'passed' ? { ...o, label: 'OK' } : o));
    gate.options.push({ label: 'Legacy', value: 'legacy', displayOrder: 9, hidden: false });
    const plan = planProvisioning(model, state);
    const about = plan.changes.filter((c) => c.target.type === 'property' && c.target.name === 'gate_status');
    expect(about.map((c) => c.kind)).toEqual(['update', 'conflict']);
    expect(about[0]!.reason).toBe('add option(s) "overridden"; option "passed" label "OK" → "Passed"');
    expect(about[0]!.action).toEqual({
      op: 'updateProperty',
      objectType: 'deals',
      property: 'gate_status',
      body: {
        options: [
          { label: 'Not checked', value: 'not_checked', displayOrder: 0, hidden: false },
          { label: 'Passed', value: 'passed', displayOrder: 1, hidden: false },
          { label: 'Blocked', value: 'blocked', displayOrder: 2, hidden: false },
          { label: 'Overridden', value: 'overridden', displayOrder: 3, hidden: false },
          { label: 'Legacy', value: 'legacy', displayOrder: 4, hidden: false },
        ],
      },
    });
    expect(about[1]!.reason).toContain('option(s) "legacy" in HubSpot but not in schemas/');
  });

  it('accepts an option hidden in HubSpot as the settled form of a removal', () => {
    const state = provisioned();
    state.deals.properties.find((p) => p.name === 'gate_status')!.options.push({ label: 'Legacy', value: 'legacy', displayOrder: 9, hidden: true });
    const plan = planProvisioning(model, state);
    expect(plan.changes.filter((c) => c.kind !== 'noop')).toEqual([]);
  });

  it('creates a missing label with its internal name', () => {
    const state = provisioned();
    const pair = state.labels.find((p) => p.labels.some((l) => l.label === 'Superseded scope'))!;
    pair.labels = pair.labels.filter((l) => l.label !== 'Superseded scope');
    const plan = planProvisioning(model, state);
    expect(writes(plan.changes)).toEqual([
      {
        kind: 'create',
        target: { type: 'label', from: 'deals', to: scope.name, label: 'Superseded scope' },
        reason: 'internal name superseded_scope',
        action: { op: 'createLabel', from: 'deals', to: scope.name, body: { name: 'superseded_scope', label: 'Superseded scope' } },
      },
    ]);
  });

  it('updates safe differences: a label, a missing association, a moved deal property, schema settings', () => {
    const state = provisioned();
    const s = state.schemas.find((x) => x.name === scope.name)!;
    s.associations = s.associations.filter((a) => a.toObjectTypeId !== '0-2');
    s.labels = { singular: 'Old scope', plural: 'Old scopes' };
    state.deals.properties.find((p) => p.name === 'handoff_risks')!.groupName = 'dealinformation';
    state.objects[scope.name]!.properties.find((p) => p.name === 'summary')!.label = 'Old summary';
    const plan = planProvisioning(model, state);
    expect(writes(plan.changes).map((c) => c.action)).toEqual([
      { op: 'createObjectAssociation', object: scope.name, toObjectTypeId: '0-2' },
      { op: 'updateProperty', objectType: scope.name, property: 'summary', body: { label: 'Summary' } },
      { op: 'updateObject', object: scope.name, body: { labels: scope.labels } },
      { op: 'updateProperty', objectType: 'deals', property: 'handoff_risks', body: { groupName: 'delivery_handoff' } },
    ]);
  });

  it('adds properties to an existing object in its default group', () => {
    const state = provisioned();
    state.objects[scope.name]!.properties = state.objects[scope.name]!.properties.filter((p) => p.name !== 'approved_at');
    const plan = planProvisioning(model, state);
    expect(writes(plan.changes).map((c) => c.action)).toEqual([
      {
        op: 'createProperty',
        objectType: scope.name,
        body: { name: 'approved_at', label: 'Approved at', type: 'datetime', fieldType: 'date', groupName: `${scope.name}_information` },
      },
    ]);
  });

  it('is pure: the same inputs give the same plan', () => {
    const state = freshPortal(model);
    const copy = structuredClone(state);
    expect(planProvisioning(model, state)).toEqual(planProvisioning(model, state));
    expect(state).toEqual(copy);
  });
});

describe('renderPlan', () => {
  it('groups by object, marks + ~ ! ?, counts unchanged, ends with the summary line, no colour by default', () => {
    const state = provisioned();
    state.deals.properties = state.deals.properties.filter((p) => p.name !== 'handoff_why_us');
    state.deals.properties.find((p) => p.name === 'gate_override_reason')!.label = 'Reason';
    state.objects[scope.name]!.properties.find((p) => p.name === 'proposal_hours')!.type = 'string';
    state.deals.properties.push({ ...state.deals.properties.at(-1)!, name: 'gate_old', groupName: 'close_gate' });
    const text = renderPlan(planProvisioning(model, state));
    expect(text).toContain('  + create property deals.handoff_why_us: string/textarea in group delivery_handoff');
    expect(text).toContain('  ~ update property deals.gate_override_reason: label "Reason" → "Gate override reason"');
    expect(text).toContain(`  ! conflict property ${scope.name}.proposal_hours: type is string in HubSpot`);
    expect(text).toContain('  ? drift property deals.gate_old: in group close_gate in HubSpot but not in schemas/ — left alone');
    expect(text).toMatch(/^association labels — no changes \(\d+ unchanged\)$/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe('Plan: 1 to create, 1 to update, 1 conflict, 1 drift (left alone).');
    expect(text).not.toContain('\u001b[');
  });

  it('lists a new object with its properties and colours lines when asked', () => {
    const text = renderPlan(planProvisioning(model, freshPortal(model)), { color: true });
    expect(text).toContain(
      `\u001b[32m  + create object ${scope.name}: "${scope.labels.singular}" with ${scope.properties.length} properties; associated with DEAL, COMPANY\u001b[0m`,
    );
    expect(text).toContain(`      properties: ${scope.properties.map((p) => p.name).join(', ')}`);
  });
});
