import { evaluateGate, missingItems } from '../../../src/gate/evaluate';
import { groupLine, groupMissing } from '../../../src/gate/missing-groups';
import { completeContract, context, rule } from './fixtures';

const now = new Date('2026-11-21T10:00:00Z');

describe('groupMissing', () => {
  it('a deal without a contract has one thing to do — add it — with the fields it will need under it', () => {
    const e = evaluateGate(rule, context({ contracts: [] }), now);
    expect(missingItems(e)).toHaveLength(6); // what used to be counted and listed
    expect(groupMissing(e)).toEqual([
      {
        key: 'add.contract',
        action: 'Add a Service contract to this deal (the “Add service contract” button on the deal card).',
        needs: ['Start date', 'Term (months)', 'Renewal date', 'Auto-renew', 'Notice period (days)'],
      },
    ]);
  });

  it('a missing scope takes its required values and cross-checks along as needs', () => {
    const groups = groupMissing(evaluateGate(rule, context({ scopes: [] }), now));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.key).toBe('add.scope');
    expect(groups[0]!.needs).toContain('Delivery approved set to Yes by delivery');
    expect(groups[0]!.needs.some((n) => n.endsWith('agreeing'))).toBe(true);
  });

  it('fields missing on a contract that exists are separate actions, each naming the record', () => {
    const ctx = context({ contracts: [{ ...completeContract, properties: { ...completeContract.properties, start_date: '', term_months: '' } }] });
    const groups = groupMissing(evaluateGate(rule, ctx, now));
    expect(groups.map((g) => g.action)).toEqual([
      'Fill in Start date on the Service contract “MSA 2027”.',
      'Fill in Term (months) on the Service contract “MSA 2027”.',
    ]);
    expect(groups.every((g) => g.needs.length === 0)).toBe(true);
  });

  it('keeps deal fields and both missing records apart, in checklist order', () => {
    const ctx = context({ scopes: [], contracts: [] });
    ctx.deal.properties.handoff_why_us = '';
    const groups = groupMissing(evaluateGate(rule, ctx, now));
    expect(groups.map((g) => g.key)).toEqual(['deal.handoff_why_us', 'add.scope', 'add.contract']);
  });

  it('nothing missing, no groups; one line per group for the deal property and logs', () => {
    expect(groupMissing(evaluateGate(rule, context(), now))).toEqual([]);
    expect(groupLine({ key: 'k', action: 'Add a Scope.', needs: ['Deliverables', 'In scope'] })).toBe('Add a Scope. — with Deliverables, In scope');
    expect(groupLine({ key: 'k', action: 'Fill in Why us.', needs: [] })).toBe('Fill in Why us.');
  });
});
