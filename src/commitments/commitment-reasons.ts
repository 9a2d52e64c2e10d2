import { count } from '../delivery/words';
import type { CommitmentInput } from './commitment-inputs';
import { commitmentLine, listed } from './commitment-words';

export type CommitmentRule = 'commitment_broken' | 'commitment_at_risk';

/** Shaped like delivery's HealthFinding, so assessDelivery can add these to its findings. */
export interface CommitmentFinding {
  rule: CommitmentRule;
  /** A broken promise hurts the relationship, not the budget: at risk, never off track on its own. */
  health: 'at_risk';
  reason: string;
  commitmentIds: string[];
}

function finding(rule: CommitmentRule, of: CommitmentInput[], what: string): CommitmentFinding[] {
  if (of.length === 0) return [];
  const note = of.length === 1 && of[0]!.deliveryNote ? ` — delivery: "${of[0]!.deliveryNote}"` : '';
  return [
    {
      rule,
      health: 'at_risk',
      reason: `${count(of.length, 'promise made during the sale is', 'promises made during the sale are')} ${what}: ${listed(of.map(commitmentLine))}${note}`,
      commitmentIds: of.map((c) => c.id),
    },
  ];
}

/**
 * Broken and at-risk promises as delivery-health reasons, broken first. Pure; kept, open and
 * change-order promises say nothing here (a change order is judged as a change order).
 */
export function commitmentReasons(commitments: readonly CommitmentInput[]): CommitmentFinding[] {
  return [
    ...finding(
      'commitment_broken',
      commitments.filter((c) => c.status === 'broken'),
      'broken',
    ),
    ...finding(
      'commitment_at_risk',
      commitments.filter((c) => c.status === 'at_risk'),
      'at risk',
    ),
  ];
}
