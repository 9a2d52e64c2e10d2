import { loadModel } from '../../src/model';
import { problemsOf as problemsIn, removeOverlays, schemasEdited } from '../fixtures/model/overlay';

afterAll(removeOverlays);

/** Problems with the temporary folder's path taken out, so they read as the admin sees them. */
const problemsOf = (dir: string): string[] => problemsIn(dir).map((p) => p.split(`${dir}/`).join(''));

describe('loadModel checks across and within files', () => {
  it('rejects a fieldType that does not go with the type', () => {
    const dir = schemasEdited('objects/delivery-scope.json', (o) => (o.properties[5].fieldType = 'textarea'));
    expect(problemsOf(dir)).toEqual(['objects/delivery-scope.json at $.properties[5].fieldType: "textarea" does not go with type number — use number']);
  });

  it('rejects duplicate option values and names HubSpot keeps for itself', () => {
    const dir = schemasEdited('deal-properties.json', (d) => {
      d.groups[1].properties[0].options[1].value = 'not_checked';
      d.groups[0].properties[0].name = 'hs_business_problem';
    });
    expect(problemsOf(dir)).toEqual([
      'deal-properties.json at $.groups[0].properties[0].name: "hs_business_problem" starts with hs_, which HubSpot keeps for its own properties — drop the prefix',
      'deal-properties.json at $.groups[1].properties[0].options[1].value: option value "not_checked" appears twice — option values must be unique',
    ]);
  });

  it('requires display, search and required properties to exist on the object', () => {
    const dir = schemasEdited('objects/customer-status.json', (o) => (o.secondaryDisplayProperties = ['status', 'renewal']));
    expect(problemsOf(dir)).toEqual([
      'objects/customer-status.json at $.secondaryDisplayProperties[1]: "renewal" is not a property of customer_status — define it under properties or fix the name',
    ]);
  });

  it('requires the override flag to be a bool deal property and required values to be valid', () => {
    const dir = schemasEdited('gate-rules.json', (g) => {
      g.override.flag = 'gate_override_reason';
      g.rules[0].scope.requiredValues.delivery_approved = 'yes';
    });
    expect(problemsOf(dir)).toEqual([
      'gate-rules.json at $.override.flag: "gate_override_reason" is a string property — the override flag must be a bool deal property',
      'gate-rules.json at $.rules[0].scope.requiredValues.delivery_approved: "yes" is not a value of delivery_approved — use one of true, false',
    ]);
  });

  it('lets gate rules name HubSpot default deal properties', () => {
    const dir = schemasEdited('gate-rules.json', (g) => g.rules[0].deal.requiredProperties.push('amount', 'closedate'));
    expect(() => loadModel(dir)).not.toThrow();
  });

  it('requires a labelled association to be declared on the object', () => {
    const dir = schemasEdited('associations.json', (a) => a.labels.push({ from: 'contacts', to: 'delivery_scope', label: 'Sponsor' }));
    expect(problemsOf(dir)).toEqual([
      `associations.json at $.labels[4].from: delivery_scope is not associated with contacts — add "CONTACT" to associatedObjects in objects/delivery-scope.json`,
    ]);
  });

  it('requires the properties the service names in code (well-known-properties.ts)', () => {
    const dir = schemasEdited('deal-properties.json', (d) => {
      for (const g of d.groups) g.properties = g.properties.filter((p: { name: string }) => p.name !== 'gate_task_id');
    });
    expect(problemsOf(dir)).toEqual([
      'deal-properties.json at $.groups: deal property "gate_task_id" is missing: the service reads and writes it by name (src/model/well-known-properties.ts) — define it, or rename it there too',
    ]);
  });

  it('rejects an ISO date without time and lead days that are not positive', () => {
    const gate = schemasEdited('gate-rules.json', (g) => (g.enforcedSince = '2026-11-01'));
    expect(problemsOf(gate)).toEqual(['gate-rules.json at $.enforcedSince: "2026-11-01" is not an ISO datetime — write it like 2026-11-01T00:00:00Z']);
    const renewals = schemasEdited('renewals.json', (r) => (r.leadDays = [90, 0]));
    expect(problemsOf(renewals)).toEqual(['renewals.json at $.leadDays[1]: must be greater than 0, got 0']);
  });
});
