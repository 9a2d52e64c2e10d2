import type { GateDecision } from './decide';
import { countWords, groupLine } from './missing-groups';

type Acted = Exclude<GateDecision, { action: 'skip' }>;

/** What the gate did to a deal, as one log line a person reads, and the same facts as fields. */
export function describeDecision(d: Acted): { fields: Record<string, unknown>; message: string } {
  const deal = `Deal ${d.dealId} “${d.dealName}”`;
  const missing = d.missing.map(groupLine);
  const list = missing.length ? `: ${countWords(missing.length, 'item')} missing — ${missing.join('; ')}` : '';
  if (d.action === 'block') {
    return {
      fields: { dealId: d.dealId, dealName: d.dealName, stage: d.stageLabel, action: 'sent back', revertedTo: d.revertToLabel, missing },
      message: `${deal} was moved to ${d.stageLabel} and sent back to ${d.revertToLabel}${list}`,
    };
  }
  if (d.evaluation.status === 'overridden') {
    return {
      fields: { dealId: d.dealId, dealName: d.dealName, stage: d.stageLabel, action: 'overridden', reason: d.evaluation.override?.reason, missing },
      message: `${deal} stays in ${d.stageLabel}: the close gate was overridden (“${d.evaluation.override?.reason ?? ''}”)${list}`,
    };
  }
  return {
    fields: { dealId: d.dealId, dealName: d.dealName, stage: d.stageLabel, action: 'passed', missing },
    message: `${deal} passed the close gate in ${d.stageLabel}`,
  };
}
