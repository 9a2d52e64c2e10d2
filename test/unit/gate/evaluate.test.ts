import { evaluateGate, missingItems } from '../../../src/gate/evaluate';
import { approvedScope, completeContract, context, rule } from './fixtures';

const now = new Date('2026-11-21T10:00:00Z');
const failing = (ctx = context()) =>
  evaluateGate(rule, ctx, now)
    .items.filter((i) => !i.passed)
    .map((i) => i.key);

describe('evaluateGate', () => {
  it('passes a deal with handoff fields, an approved scope and a complete contract', () => {
    const e = evaluateGate(rule, context(), now);
    expect(e.status).toBe('passed');
    expect(e.passedCount).toBe(e.total);
    expect(e.total).toBeGreaterThan(10);
    expect(e.evaluatedAt).toBe(now.toISOString());
  });

  it('lists each empty handoff property with a fix naming its label', () => {
    const ctx = context();
    ctx.deal.properties.handoff_business_problem = '  ';
    ctx.deal.properties.handoff_why_us = null;
    const e = evaluateGate(rule, ctx, now);
    expect(e.status).toBe('blocked');
    expect(failing(ctx)).toEqual(['deal.handoff_business_problem', 'deal.handoff_why_us']);
    expect(missingItems(e)[0]).toBe('Fill in Business problem on the deal (Delivery handoff section).');
  });

  it('without a scope, asks for one and explains every scope item', () => {
    const e = evaluateGate(rule, context({ scopes: [] }), now);
    const keys = e.items.filter((i) => !i.passed).map((i) => i.key);
    expect(keys).toContain('scope.count');
    expect(keys).toContain('scope.delivery_approved=true');
    expect(e.items.find((i) => i.key === 'scope.count')!.fix).toMatch(/Add a Scope to this deal/);
    expect(e.items.find((i) => i.key === 'scope.delivery_approved=true')!.fix).toBe('Add a Scope and have delivery set Delivery approved to Yes.');
  });

  it('an unapproved scope fails only the approval item, naming the scope', () => {
    const scope = { ...approvedScope, properties: { ...approvedScope.properties, delivery_approved: 'false' } };
    const e = evaluateGate(rule, context({ scopes: [scope] }), now);
    expect(failing(context({ scopes: [scope] }))).toEqual(['scope.delivery_approved=true']);
    expect(missingItems(e)).toEqual(['Set Delivery approved to Yes on the Scope “Rebuild v1” (ask delivery to review it).']);
  });

  it('judges the best of several scopes', () => {
    const draft = { id: '300', properties: { scope_name: 'Draft' } };
    expect(evaluateGate(rule, context({ scopes: [draft, approvedScope] }), now).status).toBe('passed');
  });

  it('requires contract terms', () => {
    const contract = { ...completeContract, properties: { ...completeContract.properties, renewal_date: null, notice_period_days: '' } };
    expect(failing(context({ contracts: [contract] }))).toEqual(['contract.renewal_date', 'contract.notice_period_days']);
    expect(failing(context({ contracts: [] }))).toContain('contract.count');
  });

  describe('cross-checks', () => {
    const withScope = (p: Record<string, string | null>) => context({ scopes: [{ ...approvedScope, properties: { ...approvedScope.properties, ...p } }] });

    it('fails when proposal and delivery timelines differ, and says by how much', () => {
      const ctx = withScope({ delivery_timeline_weeks: '16' });
      const item = evaluateGate(rule, ctx, now).items.find((i) => i.key === 'check.timeline_reconciled')!;
      expect(item.passed).toBe(false);
      expect(item.fix).toContain('(12)');
      expect(item.fix).toContain('(16)');
      expect(item.fix).toContain('Discrepancy resolution');
    });

    it('passes a difference once a resolution is recorded', () => {
      expect(failing(withScope({ delivery_timeline_weeks: '16', discrepancy_resolution: 'Buyer agreed to 16 weeks on 3 Nov' }))).toEqual([]);
    });

    it('compares numbers as numbers', () => {
      expect(failing(withScope({ proposal_hours: '800.0' }))).toEqual([]);
    });

    it('asks for both values when one is missing', () => {
      const item = evaluateGate(rule, withScope({ proposal_hours: null }), now).items.find((i) => i.key === 'check.hours_reconciled')!;
      expect(item.passed).toBe(false);
      expect(item.fix).toMatch(/^Fill in both Proposal hours and Delivery estimate \(hours\)/);
    });
  });

  describe('override', () => {
    it('an override with a reason passes a blocked deal as overridden', () => {
      const ctx = context({ scopes: [] });
      ctx.deal.properties.gate_override = 'true';
      ctx.deal.properties.gate_override_reason = 'CEO signed; scope follows Monday';
      const e = evaluateGate(rule, ctx, now);
      expect(e.status).toBe('overridden');
      expect(e.override).toEqual({ reason: 'CEO signed; scope follows Monday' });
      expect(e.passedCount).toBeLessThan(e.total);
    });

    it('an override without a reason does not pass, and says why', () => {
      const ctx = context({ scopes: [] });
      ctx.deal.properties.gate_override = 'true';
      ctx.deal.properties.gate_override_reason = '';
      const e = evaluateGate(rule, ctx, now);
      expect(e.status).toBe('blocked');
      expect(e.items.find((i) => i.key === 'override.reason')).toMatchObject({ passed: false });
    });

    it('a complete deal with an override set is simply passed', () => {
      const ctx = context();
      ctx.deal.properties.gate_override = 'true';
      ctx.deal.properties.gate_override_reason = 'belt and braces';
      expect(evaluateGate(rule, ctx, now).status).toBe('passed');
    });
  });
});
