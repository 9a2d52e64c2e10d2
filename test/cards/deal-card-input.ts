import type { DealCardInput } from '../../src/cards/build-deal-card';
import { statusLabels } from '../../src/cards/card-fields';
import { decideGate } from '../../src/gate/decide';
import { ruleForStage } from '../../src/gate/stage-rules';
import type { ResolvedGateRule } from '../../src/gate/types';
import type { Pipeline } from '../../src/hubspot/types';
import { model } from '../unit/gate/fixtures';

/** What buildDealCard takes, for one deal decided by the real gate against `rule` (card builder tests). */
export function dealCardInput(
  loaded: DealCardInput['evaluation']['loaded'],
  at: {
    pipeline: Pipeline;
    rule: ResolvedGateRule;
    now: Date;
    today: string;
    timeZone?: string;
    isGated?: (stageId: string) => boolean;
    mode?: 'enforce' | 'advise';
  },
  extra: Partial<DealCardInput> = {},
): DealCardInput {
  const { pipeline, rule, now } = at;
  const decision = decideGate({ ...loaded, pipeline, rule, isGated: at.isGated ?? ((id) => !!ruleForStage([rule], pipeline, id)) }, now);
  return {
    evaluation: {
      loaded,
      pipeline,
      decision,
      rule,
      evaluation: decision.action === 'skip' ? undefined : decision.evaluation,
      ...(at.mode ? { mode: at.mode } : {}),
    },
    handoffFields: [],
    comparisons: [],
    scopeDisplay: 'scope_name',
    customerStatus: undefined,
    companyId: undefined,
    objectTypes: { scope: '2-1', contract: '2-2' },
    labels: statusLabels(model),
    today: at.today,
    timeZone: at.timeZone ?? 'UTC',
    currency: 'USD',
    buttons: { addScope: 'Add scope', addContract: 'Add service contract' },
    ...extra,
  };
}
