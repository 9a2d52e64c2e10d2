import { evaluateGate } from './evaluate';
import type { GateItem, LinkedRecord, ResolvedGateRule } from './types';

/** Items decided by the deal record alone, whatever scopes and contracts it has. */
function dealOnly(rule: ResolvedGateRule, item: GateItem): boolean {
  if (item.kind === 'deal_property' || item.kind === 'override_reason') return true;
  return item.kind === 'cross_check' && rule.crossChecks.some((c) => item.key === `check.${c.name}` && c.on === 'deal');
}

/**
 * Pure: whether a deal could pass its rule once its scopes and contracts are read, judged from the
 * deal record alone. False only when the deal is blocked whatever they hold (a handoff field is
 * empty and no override lets it through), so the gate reads what a pass starts (the customer status,
 * its roll-up) for these deals alongside their scopes and contracts, not after.
 */
export function mayPass(rule: ResolvedGateRule, deal: LinkedRecord, now: Date): boolean {
  const alone = evaluateGate(rule, { deal, scopes: [], contracts: [] }, now);
  if (alone.status !== 'blocked') return true;
  return !alone.items.some((i) => !i.passed && dealOnly(rule, i));
}
