import type { CommitmentInput } from '../../../src/commitments';
import { assessDelivery } from '../../../src/delivery';
import { NOW, inputs, policy, scope } from './fixtures';

const promise = (id: string, over: Partial<CommitmentInput>): CommitmentInput => ({
  id,
  title: `Promise ${id}`,
  toWhom: null,
  byWhom: null,
  how: null,
  inSignedScope: true,
  scopeDecision: null,
  dueDate: null,
  status: 'open',
  deliveryNote: null,
  extraWork: null,
  ...over,
});

describe('promises in the delivery assessment', () => {
  it('a broken promise puts an otherwise on-track delivery at risk, with the promise in words', () => {
    const a = assessDelivery(
      { ...inputs(), commitments: [promise('1', { title: 'Start in two weeks', how: 'verbal', status: 'broken' }), promise('2', { status: 'kept' })] },
      NOW,
      policy,
    );
    expect(a.health).toBe('at_risk');
    expect(a.findings.map((f) => f.rule)).toEqual(['commitment_broken']);
    expect(a.reasons[0]).toContain('"Start in two weeks" (verbal)');
  });

  it('never makes it off track on its own, and comes after the budget finding when hours are over', () => {
    const a = assessDelivery({ ...inputs({ scope: scope({ hoursLogged: 500 }) }), commitments: [promise('1', { status: 'at_risk' })] }, NOW, policy);
    expect(a.health).toBe('off_track');
    expect(a.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['over_budget', 'commitment_at_risk']));
    expect(a.findings[a.findings.length - 1]!.rule).toBe('commitment_at_risk');
  });

  it('says nothing without promises, or with none broken or at risk', () => {
    expect(assessDelivery({ ...inputs(), commitments: [promise('1', { status: 'change_order' })] }, NOW, policy).findings).toEqual([]);
    expect(assessDelivery(inputs(), NOW, policy).health).toBe('on_track');
  });
});
