import type { Playbooks } from '../../../src/model';
import { parseUnitKey, playbookFor, playbookUnitsFor, unitKeyInBody, type StageEntryFacts } from '../../../src/presale';
import { model, pipelines } from './fixtures';

const entry = (over: Partial<StageEntryFacts> = {}): StageEntryFacts => ({
  dealId: '123',
  pipelineId: 'default',
  stageId: 'presentationscheduled',
  enteredOn: '2026-12-03',
  dealOwnerId: '7',
  companyDeliveryOwnerId: null,
  ...over,
});

describe('playbookUnitsFor', () => {
  it('plans the stage’s units with deterministic keys, owners and due dates from the day it entered', () => {
    const units = playbookUnitsFor(model.playbooks, pipelines, entry());
    expect(units.map((u) => [u.key, u.ownerRole, u.ownerId, u.dueDate])).toEqual([
      ['playbook:123:presentationscheduled:scope_draft', 'deal_owner', '7', '2026-12-08'],
      ['playbook:123:presentationscheduled:feasibility_review', 'delivery_lead', '7', '2026-12-08'],
      ['playbook:123:presentationscheduled:proposal', 'deal_owner', '7', '2026-12-10'],
    ]);
    expect(units[1]!.ownerSource).toBe('deal_owner_fallback');
  });

  it('gives the same keys however often the same entry comes, and none for stages without a playbook', () => {
    const keys = () => playbookUnitsFor(model.playbooks, pipelines, entry()).map((u) => u.key);
    expect(keys()).toEqual(keys());
    // Back to qualified and forward again: the same stage's keys, so nothing new is created.
    const again = playbookUnitsFor(model.playbooks, pipelines, entry({ enteredOn: '2026-12-20' })).map((u) => u.key);
    expect(again).toEqual(keys());
    expect(playbookUnitsFor(model.playbooks, pipelines, entry({ stageId: 'contractsent' }))).toEqual([]);
    expect(playbookUnitsFor(model.playbooks, pipelines, entry({ pipelineId: 'gone' }))).toEqual([]);
  });

  it('gives delivery-lead units to the company’s delivery owner, else the configured lead', () => {
    const withLead: Playbooks = { ...model.playbooks, deliveryLead: { companyProperty: 'delivery_owner', ownerId: '99' } };
    const review = (e: StageEntryFacts) => playbookUnitsFor(withLead, pipelines, e).find((u) => u.unitId === 'feasibility_review')!;
    expect([review(entry({ companyDeliveryOwnerId: '55' })).ownerId, review(entry({ companyDeliveryOwnerId: '55' })).ownerSource]).toEqual([
      '55',
      'company_delivery_owner',
    ]);
    expect([review(entry()).ownerId, review(entry()).ownerSource]).toEqual(['99', 'configured_delivery_lead']);
    expect(playbookUnitsFor(model.playbooks, pipelines, entry({ dealOwnerId: null }))[0]!.ownerSource).toBe('nobody');
  });

  it('matches like gate rules: a pipeline beats *, a stage id beats closed_won', () => {
    const books: Playbooks = {
      ...model.playbooks,
      playbooks: [
        { pipeline: '*', stage: 'closed_won', units: ['discovery_notes'] },
        { pipeline: 'services', stage: 'closed_won', units: ['proposal'] },
        { pipeline: 'services', stage: 'svc_signed', units: ['scope_draft'] },
      ],
    };
    expect(playbookFor(books, pipelines[0]!, 'closedwon')?.units).toEqual(['discovery_notes']);
    expect(playbookFor(books, pipelines[1]!, 'svc_signed')?.units).toEqual(['scope_draft']);
    expect(playbookFor(books, pipelines[0]!, 'closedlost')).toBeUndefined();
  });
});

describe('unit keys', () => {
  it('round-trip, and are found again in a task body', () => {
    expect(parseUnitKey('playbook:123:presentationscheduled:feasibility_review')).toEqual({
      dealId: '123',
      stageId: 'presentationscheduled',
      unitId: 'feasibility_review',
    });
    expect(parseUnitKey('playbook:abc:x:y')).toBeUndefined();
    expect(unitKeyInBody('<p>x</p><p style="color:#999">playbook-key:playbook:9:1234567:proposal</p>')).toBe('playbook:9:1234567:proposal');
    expect(unitKeyInBody('<p>reminder-key:90</p>')).toBeUndefined();
  });
});
