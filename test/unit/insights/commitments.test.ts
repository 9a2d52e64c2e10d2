import { commitmentReasons, readCommitment } from '../../../src/commitments';
import { promise } from './fixtures';

describe('readCommitment', () => {
  it('parses a Commitment record; unknown options and empty values are null', () => {
    expect(
      readCommitment('7', {
        commitment_title: ' Start in two weeks ',
        commitment_how: 'verbal',
        commitment_in_signed_scope: 'false',
        commitment_scope_decision: 'maybe',
        commitment_due_date: '2026-12-15',
        commitment_status: 'at_risk',
        commitment_to_whom: '',
        commitment_extra_work: 'true',
      }),
    ).toEqual({
      id: '7',
      title: 'Start in two weeks',
      toWhom: null,
      byWhom: null,
      how: 'verbal',
      inSignedScope: false,
      scopeDecision: null,
      dueDate: '2026-12-15',
      status: 'at_risk',
      deliveryNote: null,
      extraWork: true,
    });
  });
});

describe('commitmentReasons', () => {
  it('says nothing about kept, open and change-order promises', () => {
    expect(
      commitmentReasons([
        promise('1', { status: 'kept' }),
        promise('2', { status: 'open' }),
        promise('3', { status: 'change_order' }),
        promise('4', { status: null }),
      ]),
    ).toEqual([]);
  });

  it('broken first, then at risk, in words with how and to whom; delivery’s note when there is one promise', () => {
    const reasons = commitmentReasons([
      promise('1', { title: 'Weekly demo', how: 'proposal', status: 'at_risk', deliveryNote: 'Client cancels every other week' }),
      promise('2', { title: 'Start in two weeks', how: 'verbal', toWhom: 'Dana Reyes', status: 'broken' }),
      promise('3', { title: null, how: 'email', status: 'broken' }),
    ]);
    expect(reasons).toEqual([
      {
        rule: 'commitment_broken',
        health: 'at_risk',
        reason: '2 promises made during the sale are broken: "Start in two weeks" (verbal, to Dana Reyes), promise 3 (by email)',
        commitmentIds: ['2', '3'],
      },
      {
        rule: 'commitment_at_risk',
        health: 'at_risk',
        reason: '1 promise made during the sale is at risk: "Weekly demo" (written in the proposal) — delivery: "Client cancels every other week"',
        commitmentIds: ['1'],
      },
    ]);
  });

  it('lists three, then how many more', () => {
    const broken = ['a', 'b', 'c', 'd', 'e'].map((id) => promise(id, { title: id.toUpperCase(), status: 'broken' }));
    expect(commitmentReasons(broken)[0]!.reason).toBe('5 promises made during the sale are broken: "A", "B", "C" and 2 more');
  });
});
