import type { CrmRecord } from '../../../src/hubspot/types';
import type { LoadedPresale } from '../../../src/presale/load-presale';
import { planPresale, type PresalePolicy } from '../../../src/presale/plan-presale';
import { presaleLabels } from '../../../src/presale/presale-labels';
import { model, pipelines, scope } from './fixtures';

const now = new Date('2026-11-23T10:00:00Z');
const policy: PresalePolicy = { playbooks: model.playbooks, labels: presaleLabels(model), timeZone: 'Europe/Berlin' };

function dealIn(stage: string, enteredAt: string, props: Record<string, string> = {}): CrmRecord {
  return {
    id: '123',
    properties: { dealname: 'Northwind checkout rebuild', pipeline: 'default', dealstage: stage, hubspot_owner_id: '7', ...props },
    history: {
      dealstage: [
        { value: stage, timestamp: enteredAt, sourceType: 'CRM_UI' },
        { value: 'qualifiedtobuy', timestamp: new Date(Date.parse(enteredAt) - 86_400_000).toISOString(), sourceType: 'CRM_UI' },
      ],
    },
  };
}

const loaded = (deal: CrmRecord, over: Partial<LoadedPresale> = {}): LoadedPresale => ({
  deal,
  scopes: [],
  contracts: [],
  tasks: new Map(),
  companyDeliveryOwnerId: null,
  ...over,
});
const key = (unit: string) => `playbook:123:presentationscheduled:${unit}`;

describe('planPresale (pure)', () => {
  it('plans the entered stage’s units, due from the day of entry in the portal’s zone, skipping what is delivered', () => {
    const draft = scope('9', { deliverables: 'Checkout', delivery_team: 'platform' });
    const plan = planPresale(loaded(dealIn('presentationscheduled', '2026-11-20T23:30:00Z'), { scopes: [draft] }), pipelines, policy, now);
    expect(plan.stageLabel).toBe('Proposal');
    expect(plan.units.map((u) => [u.unit.unitId, u.state])).toEqual([
      ['scope_draft', 'done'],
      ['feasibility_review', 'open'],
      ['proposal', 'open'],
    ]);
    expect(plan.create.map((d) => [d.key, d.dueDate])).toEqual([
      [key('feasibility_review'), '2026-11-26'],
      [key('proposal'), '2026-11-28'],
    ]);
    expect(plan.create[0]!.body).toContain(`playbook-key:${key('feasibility_review')}`);
    expect(plan.complete).toEqual([]);
  });

  it('a task found by key, open or ticked, is never planned again; an open one is completed once its deliverable exists', () => {
    const answered = scope('9', { deliverables: 'Checkout', delivery_team: 'platform', feasibility_review_status: 'feasible' });
    const tasks = new Map([
      [key('feasibility_review'), { id: 't1', status: 'NOT_STARTED' }],
      [key('proposal'), { id: 't2', status: 'COMPLETED' }],
    ]);
    const plan = planPresale(loaded(dealIn('presentationscheduled', '2026-11-20T09:00:00Z'), { scopes: [answered], tasks }), pipelines, policy, now);
    expect(plan.create).toEqual([]);
    expect(plan.complete).toEqual(['t1']);
    expect(plan.units.find((u) => u.unit.unitId === 'proposal')!.tickedWithoutDeliverable).toBe(true);
  });

  it('units of a stage the deal has left are still ticked when their deliverable appears', () => {
    const answered = scope('9', { feasibility_review_status: 'feasible_with_changes' });
    const tasks = new Map([
      [key('feasibility_review'), { id: 't1', status: 'NOT_STARTED' }],
      [key('proposal'), { id: 't2', status: 'NOT_STARTED' }],
    ]);
    const plan = planPresale(loaded(dealIn('contractsent', '2026-11-22T09:00:00Z'), { scopes: [answered], tasks }), pipelines, policy, now);
    expect(plan.units).toEqual([]);
    expect(plan.complete).toEqual(['t1']);
  });

  it('a deal that entered before `since` gets no units; a stage without a playbook none either', () => {
    const old = planPresale(loaded(dealIn('presentationscheduled', '2026-10-20T09:00:00Z')), pipelines, policy, now);
    expect(old.beforeSince).toBe(true);
    expect(old.create).toEqual([]);
    expect(planPresale(loaded(dealIn('contractsent', '2026-11-20T09:00:00Z')), pipelines, policy, now).create).toEqual([]);
  });

  it('delivery-lead units go to the company’s delivery owner when the I/O found one', () => {
    const plan = planPresale(loaded(dealIn('presentationscheduled', '2026-11-20T09:00:00Z'), { companyDeliveryOwnerId: '42' }), pipelines, policy, now);
    expect(plan.create.find((d) => d.key === key('feasibility_review'))!.ownerId).toBe('42');
    expect(plan.create.find((d) => d.key === key('proposal'))!.ownerId).toBe('7');
  });
});
