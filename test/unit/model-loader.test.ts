import { join } from 'node:path';
import { loadModel, objectByRole, OBJECT_ROLES } from '../../src/model';
import { problemsOf, removeOverlays, schemasWith } from '../fixtures/model/overlay';

afterAll(removeOverlays);

describe('loadModel with the real schemas/', () => {
  const model = loadModel('schemas');

  it('loads one object per role, with names that avoid HubSpot native objects', () => {
    expect(OBJECT_ROLES.map((r) => objectByRole(model, r).name)).toEqual([
      'delivery_scope',
      'service_contract',
      'customer_status',
      'change_order',
      'deal_commitment',
    ]);
  });

  it('loads deal groups, labels with internal names, gate rules with defaults, renewals', () => {
    expect(model.deals.groups.map((g) => g.name)).toEqual(['delivery_handoff', 'close_gate', 'delivery_health', 'handoff_review']);
    expect(model.associations[0]).toEqual({ from: 'deals', to: 'delivery_scope', label: 'Approved scope', name: 'approved_scope' });
    expect(model.gateRules.override).toEqual({ flag: 'gate_override', reason: 'gate_override_reason' });
    expect(model.gateRules.rules[0]!.contract!.requiredValues).toEqual({});
    expect(model.renewals).toEqual({ leadDays: [90, 60, 30], noticeDeadlineReminder: true, noticeDaysBefore: 7 });
  });

  it('names a missing role', () => {
    expect(() => objectByRole({ objects: [] }, 'scope')).toThrow('no custom object with role "scope"');
  });
});

describe('loadModel with a broken file', () => {
  it('rejects a property type HubSpot does not have, naming file, JSON path and the fix', () => {
    const dir = schemasWith('bad-type');
    expect(problemsOf(dir)).toEqual([
      `${join(dir, 'objects/delivery-scope.json')} at $.properties[3].type: "strng" is not a HubSpot property type — use one of string, number, date, datetime, enumeration, bool`,
    ]);
  });

  it('rejects a name HubSpot would refuse, suggesting one it accepts', () => {
    const dir = schemasWith('bad-name');
    expect(problemsOf(dir)).toContain(
      `${join(dir, 'objects/customer-status.json')} at $.name: "Customer-Status" is not a valid object name — HubSpot needs lowercase letters, digits and _, starting with a letter (e.g. "customer_status")`,
    );
  });

  it('requires options on an enumeration', () => {
    const dir = schemasWith('missing-option');
    expect(problemsOf(dir)).toEqual([
      `${join(dir, 'objects/service-contract.json')} at $.properties[8].options: an enumeration needs options — add [{ "label": "…", "value": "…" }, …]`,
    ]);
  });

  it('rejects a gate rule naming a property the scope object does not have', () => {
    const dir = schemasWith('unknown-gate-property');
    expect(problemsOf(dir)).toEqual([
      `${join(dir, 'gate-rules.json')} at $.rules[0].scope.requiredProperties[1]: "in_scop" is not a property of the scope object (delivery_scope) — define it in ${join(dir, 'objects/delivery-scope.json')} or fix the name`,
    ]);
  });

  it('allows one object per role', () => {
    const dir = schemasWith('duplicate-role');
    expect(problemsOf(dir)).toEqual([
      `${join(dir, 'objects/delivery-scope.json')} at $.role: role "scope" is already taken by ${join(dir, 'objects/another-scope.json')} — each role needs exactly one object`,
    ]);
  });

  it('refuses a name that collides with a HubSpot native object', () => {
    const dir = schemasWith('reserved-name');
    expect(problemsOf(dir)).toEqual([
      `${join(dir, 'objects/service-contract.json')} at $.name: "contracts" collides with a HubSpot native object — choose a distinct name such as "custom_contracts"`,
    ]);
  });

  it('checks label endpoints against the object names once every object file parses', () => {
    const dir = schemasWith('renamed-object');
    expect(problemsOf(dir)).toEqual([
      `${join(dir, 'associations.json')} at $.labels[2].to: "service_contract" is neither a custom object in the model nor one of deals, companies, contacts, tickets`,
    ]);
  });

  it('reports invalid JSON with the file name, line and column', () => {
    const dir = schemasWith('invalid-json');
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(new RegExp(`^${join(dir, 'renewals.json')}: invalid JSON at line 4, column 1 \\(.+\\) — fix the syntax$`)),
    ]);
  });

  it('reports an unknown key at the key, and the key it replaced as missing', () => {
    const dir = schemasWith('unknown-key');
    const file = join(dir, 'associations.json');
    expect(problemsOf(dir)).toEqual([
      `${file} at $.labels[0].label: is required — add it (string)`,
      `${file} at $.labels[0].lable: is not a known key — remove it or check the spelling`,
    ]);
  });

  it('shows paths relative to the working directory when the folder is inside it', () => {
    expect(() => loadModel(join(process.cwd(), 'test/fixtures/model/bad-type'))).toThrow(
      '  - test/fixtures/model/bad-type/objects/delivery-scope.json at $.properties[3].type: "strng"',
    );
  });

  it('lists every problem in one error message', () => {
    const dir = schemasWith('bad-name');
    expect(() => loadModel(dir)).toThrow(/^The data model has 1 problem:\n {2}- .+customer-status\.json at \$\.name: /);
  });
});
