import { decideGate } from '../../../src/gate/decide';
import { mayPass } from '../../../src/gate/may-pass';
import type { LinkedRecord, ResolvedGateRule } from '../../../src/gate/types';
import { approvedScope, completeContract, completeDealProps, dealRecord, pipeline, rule } from './fixtures';

const now = new Date('2026-11-21T10:00:00Z');
const deal = (props: Record<string, string | null>): LinkedRecord => ({ id: '101', properties: props });

describe('mayPass', () => {
  it('a deal with every handoff field may pass (its scope and contract decide)', () => {
    expect(mayPass(rule, deal({ ...completeDealProps }), now)).toBe(true);
  });

  it('a deal missing a handoff field is blocked whatever it links, unless overridden', () => {
    const missing = { ...completeDealProps, handoff_why_us: '' };
    expect(mayPass(rule, deal(missing), now)).toBe(false);
    expect(mayPass(rule, deal({ ...missing, [rule.override.flag]: 'true', [rule.override.reason]: 'CEO call' }), now)).toBe(true);
    expect(mayPass(rule, deal({ ...missing, [rule.override.flag]: 'true' }), now)).toBe(false);
  });

  it('a cross-check on the deal counts as the deal alone; one on the scope does not', () => {
    const onDeal: ResolvedGateRule = { ...rule, crossChecks: [{ name: 'amounts', label: 'Amounts agree', on: 'deal', equal: ['amount', 'handoff_why_us'] }] };
    expect(mayPass(onDeal, deal({ ...completeDealProps, amount: '5' }), now)).toBe(false);
    expect(rule.crossChecks.every((c) => c.on !== 'deal')).toBe(true);
    expect(mayPass(rule, deal({ ...completeDealProps }), now)).toBe(true);
  });

  it('never says no to a deal the full decision passes (over the fixtures’ variations)', () => {
    const variants: Array<Record<string, string | null>> = [
      { ...completeDealProps },
      { ...completeDealProps, handoff_sale_promises: null },
      { ...completeDealProps, handoff_sale_promises: null, [rule.override.flag]: 'true', [rule.override.reason]: 'Signed anyway' },
    ];
    const linked = [
      { scopes: [approvedScope], contracts: [completeContract] },
      { scopes: [], contracts: [completeContract] },
    ];
    let passes = 0;
    for (const props of variants) {
      for (const l of linked) {
        const record = dealRecord({ ...props, dealstage: 'closedwon' } as Record<string, string>, [
          ['closedwon', '2026-11-21T09:00:00Z'],
          ['contractsent', '2026-11-20T09:00:00Z'],
        ]);
        const decision = decideGate({ deal: record, pipeline, rule, isGated: (s) => s === 'closedwon', ...l }, now);
        if (decision.action === 'pass') {
          passes++;
          expect(mayPass(rule, record, now)).toBe(true);
        } else expect(decision.action).toBe('block');
      }
    }
    expect(passes).toBe(3);
  });
});
