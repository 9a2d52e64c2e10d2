import { searchAll } from '../hubspot/search-windows';
import type { SearchFilter } from '../hubspot/types';
import { GATE_PROPERTIES as G } from '../model/well-known-properties';
import type { GateDecision } from './decide';
import type { GateService } from './gate-service';
import type { PipelineCache } from './pipeline-cache';
import { isEnforcedStage } from './rule-mode';
import { gatedStages } from './stage-rules';
import type { ResolvedGateRule } from './types';
import type { CrmGateway } from '../hubspot/crm-gateway';

export interface SweepResult {
  candidates: number;
  reverted: number;
  passed: number;
  skipped: number;
  /** With dryRun: what the gate would do to each candidate; nothing was written. */
  decisions?: GateDecision[];
}

/**
 * The level-triggered backstop for missed webhooks: every deal sitting in a gated stage, modified
 * since the gate was enforced, whose gate status is not passed or overridden, goes through the
 * same gate path. Decisions skip deals that entered the stage before enforcedSince. A dry run
 * takes the same decisions (the pure decide step) and writes none of them.
 */
export interface SweepDeps {
  gateway: CrmGateway;
  gate: Pick<GateService, 'gateDeals' | 'previewDeals'>;
  rules: ResolvedGateRule[];
  pipelines: PipelineCache;
}

export type Sweep = (now: Date, options?: { dryRun?: boolean }) => Promise<SweepResult>;

export function createSweep(deps: SweepDeps): Sweep {
  return (now, options = {}) => sweepGatedDeals(deps, now, options);
}

async function sweepGatedDeals(deps: SweepDeps, now: Date, options: { dryRun?: boolean }): Promise<SweepResult> {
  const pipelines = await deps.pipelines.all();
  // Advising stages revert nothing and keep no gate status: only enforced stages need the backstop.
  const stages = gatedStages(deps.rules, pipelines).filter((s) =>
    isEnforcedStage(
      deps.rules,
      pipelines.find((p) => p.id === s.pipelineId)!,
      s.stageId,
    ),
  );
  const result: SweepResult = { candidates: 0, reverted: 0, passed: 0, skipped: 0 };
  if (options.dryRun) result.decisions = [];
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
      if (result.decisions) {
        const decided = await deps.gate.previewDeals(
          page.map((d) => d.id),
          now,
        );
        result.decisions.push(...decided);
        result.reverted += decided.filter((d) => d.action === 'block').length;
        result.passed += decided.filter((d) => d.action === 'pass').length;
        result.skipped += decided.filter((d) => d.action === 'skip').length;
        return;
      }
      const run = await deps.gate.gateDeals(
        page.map((d) => d.id),
        now,
      );
      result.reverted += run.reverted.length;
      result.passed += run.passed.length;
      result.skipped += run.decisions.filter((d) => d.action === 'skip').length;
    },
    100,
  );
  return result;
}
