import {
  deliverableMet,
  deliverableWords,
  playbookUnitsFor,
  presaleLabels,
  unitStatuses,
  unitTaskDraft,
  unitKeyInBody,
  type UnitTask,
} from '../../../src/presale';
import type { Deliverable } from '../../../src/model';
import { facts, model, pipelines, scope } from './fixtures';

const labels = presaleLabels(model);
const review: Deliverable = { kind: 'scope_property', property: 'feasibility_review_status', values: ['feasible', 'feasible_with_changes'] };
const draft: Deliverable = { kind: 'linked_record', object: 'scope', requiredProperties: ['deliverables'], requiredValues: { scope_status: 'draft' } };

describe('deliverableMet', () => {
  it('deal property: filled in (blank does not count), or one of the wanted values', () => {
    const notes: Deliverable = { kind: 'deal_property', property: 'handoff_business_problem' };
    expect(deliverableMet(notes, facts())).toBe(false);
    expect(deliverableMet(notes, facts({ deal: { id: '1', properties: { handoff_business_problem: '  ' } } }))).toBe(false);
    expect(deliverableMet(notes, facts({ deal: { id: '1', properties: { handoff_business_problem: 'Checkout abandons' } } }))).toBe(true);
  });

  it('scope property: on any current scope, with the wanted value; a superseded scope does not count', () => {
    expect(deliverableMet(review, facts({ scopes: [scope('1', { feasibility_review_status: 'requested' })] }))).toBe(false);
    expect(
      deliverableMet(
        review,
        facts({ scopes: [scope('1', { feasibility_review_status: 'requested' }), scope('2', { feasibility_review_status: 'Feasible_with_changes' })] }),
      ),
    ).toBe(true);
    expect(deliverableMet(review, facts({ scopes: [scope('2', { feasibility_review_status: 'feasible', scope_status: 'superseded' })] }))).toBe(false);
  });

  it('linked record: exists with its required properties and values', () => {
    expect(deliverableMet(draft, facts())).toBe(false);
    expect(deliverableMet(draft, facts({ scopes: [scope('1', { deliverables: 'Checkout', scope_status: 'in_review' })] }))).toBe(false);
    expect(deliverableMet(draft, facts({ scopes: [scope('1', { deliverables: 'Checkout', scope_status: 'draft' })] }))).toBe(true);
    expect(
      deliverableMet(
        { kind: 'linked_record', object: 'contract', requiredProperties: [], requiredValues: {} },
        facts({ contracts: [{ id: '9', properties: {} }] }),
      ),
    ).toBe(true);
  });

  it('says what done means with the labels of schemas/', () => {
    expect(deliverableWords(review, labels)).toBe('Scope: Feasibility review is Feasible or Feasible with changes');
    expect(deliverableWords(draft, labels)).toBe('A Scope on the deal with Deliverables filled in and Scope status Draft');
    expect(deliverableWords({ kind: 'deal_property', property: 'handoff_business_problem' }, labels)).toBe('Deal: Business problem filled in');
  });
});

describe('unitStatuses', () => {
  const units = playbookUnitsFor(model.playbooks, pipelines, {
    dealId: '123',
    pipelineId: 'default',
    stageId: 'presentationscheduled',
    enteredOn: '2026-12-03',
    dealOwnerId: '7',
    companyDeliveryOwnerId: null,
  });
  const [scopeDraft, feasibility, proposal] = units as [(typeof units)[0], (typeof units)[0], (typeof units)[0]];
  const withDraft = facts({ scopes: [scope('501', { deliverables: 'Checkout', delivery_team: 'platform', feasibility_review_status: 'requested' })] });

  it('done by deliverable (the task is completed), open, overdue after the due date in the portal’s days', () => {
    const tasks = new Map<string, UnitTask>([[scopeDraft.key, { id: 't1', completed: false }]]);
    const statuses = unitStatuses(units, withDraft, tasks, '2026-12-09');
    expect(statuses.map((s) => [s.unit.unitId, s.state, s.completeTask, s.createTask])).toEqual([
      ['scope_draft', 'done', true, false],
      ['feasibility_review', 'overdue', false, true],
      ['proposal', 'open', false, true],
    ]);
    expect(unitStatuses([feasibility], withDraft, new Map(), '2026-12-08')[0]!.state).toBe('open');
  });

  it('a ticked task without its deliverable stays open; a delivered unit needs no new task', () => {
    const tasks = new Map<string, UnitTask>([[proposal.key, { id: 't3', completed: true }]]);
    const [p] = unitStatuses([proposal], withDraft, tasks, '2026-12-04');
    expect(p).toMatchObject({ state: 'open', tickedWithoutDeliverable: true, completeTask: false, createTask: false });
    expect(unitStatuses([scopeDraft], withDraft, new Map(), '2026-12-04')[0]).toMatchObject({ state: 'done', createTask: false, completeTask: false });
  });

  it('a unit’s task says what to do, what done means, and carries its key', () => {
    const task = unitTaskDraft(feasibility, 'Northwind <checkout>', 'Proposal', labels);
    expect(task.subject).toBe('[Throughline playbook] Northwind <checkout>: Delivery feasibility review');
    expect(task.body).toContain('Northwind &lt;checkout&gt; entered Proposal.');
    expect(task.body).toContain('Done when: Scope: Feasibility review is Feasible or Feasible with changes.');
    expect(task.body).toContain('went to the deal owner');
    expect(unitKeyInBody(task.body)).toBe(feasibility.key);
    expect(task.dueDate).toBe('2026-12-08');
  });
});
