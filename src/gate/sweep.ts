import { searchAll } from '../hubspot/search-windows';
import type { SearchFilter } from '../hubspot/types';
import { GATE_PROPERTIES as G } from '../model/well-known-properties';
import type { GateService } from './gate-service';
import type { PipelineCache } from './pipeline-cache';
import { gatedStages } from './stage-rules';
import type { ResolvedGateRule } from './types';
import type { CrmGateway } from '../hubspot/crm-gateway';

export interface SweepResult {
  candidates: number;
  reverted: number;
  passed: number;
  skipped: number;
}

/**
 * The level-triggered backstop for missed webhooks: every deal sitting in a gated stage, modified
 * since the gate was enforced, whose gate status is not passed or overridden, goes through the
 * same gate path. Decisions skip deals that entered the stage before enforcedSince.
 */
export async function sweepGatedDeals(
  deps: { gateway: CrmGateway; gate: GateService; rules: ResolvedGateRule[]; pipelines: PipelineCache },
  now: Date,
): Promise<SweepResult> {
  const stages = gatedStages(deps.rules, await deps.pipelines.all());
  const result: SweepResult = { candidates: 0, reverted: 0, passed: 0, skipped: 0 };
  if (!stages.length) return result;
  const since = Math.min(...deps.rules.map((r) => Date.parse(r.enforcedSince)));
  const common: SearchFilter[] = [
    { propertyName: 'dealstage', operator: 'IN', values: [...new Set(stages.map((s) => s.stageId))] },
    { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(since) },
  ];
  await searchAll(
    deps.gateway,
    'deals',
    [
      { filters: [...common, { propertyName: G.status, operator: 'NOT_IN', values: ['passed', 'overridden'] }] },
      { filters: [...common, { propertyName: G.status, operator: 'NOT_HAS_PROPERTY' }] },
    ],
    ['dealstage', 'pipeline', G.status],
    async (page) => {
      result.candidates += page.length;
      const run = await deps.gate.gateDeals(page.map((d) => d.id), now);
      result.reverted += run.reverted.length;
      result.passed += run.passed.length;
      result.skipped += run.decisions.filter((d) => d.action === 'skip').length;
    },
    100,
  );
  return result;
}
