import { join } from 'node:path';
import { loadModel } from '../../../src/model';
import { problemsOf, removeOverlays, schemasEdited } from '../../fixtures/model/overlay';

afterAll(removeOverlays);

describe('schemas/playbooks.json', () => {
  it('loads: units with owners, due days and deliverables; playbooks by pipeline and stage', () => {
    const { playbooks } = loadModel('schemas');
    expect(playbooks.units.map((u) => u.id)).toEqual(['discovery_notes', 'scope_draft', 'feasibility_review', 'proposal']);
    expect(playbooks.deliveryLead).toMatchObject({ companyProperty: null, ownerId: null });
    expect(playbooks.playbooks.find((p) => p.stage === 'presentationscheduled')?.units).toContain('feasibility_review');
  });

  it('names the file, the JSON path and the fix', () => {
    const dir = schemasEdited('playbooks.json', (json) => {
      json.units[0].owner = 'sales';
      json.units[3].deliverable = { property: 'x' };
    });
    const file = join(dir, 'playbooks.json');
    const scope = join(dir, 'objects/delivery-scope.json');
    expect(problemsOf(dir).sort()).toEqual(
      [
        `${file} at $.units[0].owner: "sales" is not allowed here — use one of deal_owner, delivery_lead`,
        `${file} at $.units[3].deliverable.kind: needs a "kind": deal_property, scope_property or linked_record`,
      ].sort(),
    );
    const refs = schemasEdited('playbooks.json', (json) => {
      json.playbooks[0].units = ['discovery_notes', 'discovery_notes', 'kickoff'];
      json.playbooks.push({ pipeline: '*', stage: 'qualifiedtobuy', units: ['proposal'] });
    });
    const rf = join(refs, 'playbooks.json');
    expect(problemsOf(refs).sort()).toEqual(
      [
        `${rf} at $.playbooks[0].units[1]: "discovery_notes" is listed twice in this playbook`,
        `${rf} at $.playbooks[0].units[2]: "kickoff" is not a unit — define it under units or use one of discovery_notes, scope_draft, feasibility_review, proposal`,
        `${rf} at $.playbooks[2]: a second playbook for pipeline *, stage qualifiedtobuy — merge their units into one`,
      ].sort(),
    );
    const crossFile = schemasEdited('playbooks.json', (json) => {
      json.units[1].deliverable.requiredProperties = ['deliverabels'];
      json.units[2].deliverable.values = ['feasable'];
    });
    expect(problemsOf(crossFile).sort()).toEqual(
      [
        `${join(crossFile, 'playbooks.json')} at $.units[1].deliverable.requiredProperties[0]: "deliverabels" is not a property of the scope object (delivery_scope) — define it in ${join(crossFile, 'objects/delivery-scope.json')} or fix the name`,
        `${join(crossFile, 'playbooks.json')} at $.units[2].deliverable.property: "feasable" is not a value of feasibility_review_status — use one of requested, in_review, feasible, feasible_with_changes, not_feasible`,
      ].sort(),
    );
    expect(scope).toContain('delivery-scope.json');
  });
});

describe('schemas/capacity.json', () => {
  it('loads teams with weekly hours, dated exceptions and the scope properties to read', () => {
    const { capacity } = loadModel('schemas');
    expect(capacity.teams.map((t) => [t.id, t.weeklyHours])).toEqual([
      ['platform', 160],
      ['commerce', 120],
    ]);
    expect(capacity.scope.start[0]).toBe('committed_start_date');
    expect(capacity.tightAbovePct).toBe(85);
  });

  it('names the file, the JSON path and the fix', () => {
    const dir = schemasEdited('capacity.json', (json) => {
      json.teams[0].exceptions.push({ from: '2026-12-31', to: '2026-12-30', weeklyHours: 0, reason: 'Backwards' });
      json.teams[1].id = 'design';
      json.teams[1].weeklyHours = 0;
      json.scope.start = ['delivery_timeline_weeks'];
      json.scope.hours = ['hourz'];
    });
    const file = join(dir, 'capacity.json');
    const scope = join(dir, 'objects/delivery-scope.json');
    expect(problemsOf(dir).sort()).toEqual(
      [
        `${file} at $.teams[0].exceptions[1].to: ends (2026-12-30) before it starts (2026-12-31) — swap the dates`,
        `${file} at $.teams[0].exceptions[1]: overlaps exception 0 (Holidays) — one exception per day, merge them`,
        `${file} at $.teams[1].weeklyHours: must be greater than 0, got 0`,
      ].sort(),
    );
    const crossFile = schemasEdited('capacity.json', (json) => {
      json.teams[1].id = 'design';
      json.scope.start = ['delivery_timeline_weeks'];
      json.scope.hours = ['hourz'];
    });
    const cf = join(crossFile, 'capacity.json');
    expect(problemsOf(crossFile).sort()).toEqual(
      [
        `${cf} at $.teams[1].id: "design" is not an option of delivery_team — add it to ${join(crossFile, 'objects/delivery-scope.json')} so a scope can name this team`,
        `${cf} at $.teams: delivery_team offers "commerce", which has no capacity here — add the team or remove the option`,
        `${cf} at $.scope.start[0]: "delivery_timeline_weeks" is a number property — start needs a date`,
        `${cf} at $.scope.hours[0]: "hourz" is not a property of the scope object (delivery_scope) — define it in ${join(crossFile, 'objects/delivery-scope.json')} or fix the name`,
      ].sort(),
    );
    expect(scope).toContain('delivery-scope.json');
  });
});
