import { currentRecords, searchAll, unsetOr } from '../hubspot/search-windows';
import type { SearchFilter } from '../hubspot/types';
import { GATE_PROPERTIES as G } from '../model/well-known-properties';
import type { GateDecision } from './decide';
import type { GateService } from './gate-service';
import type { PipelineCache } from './pipeline-cache';
import { isEnforcedStage } from './rule-mode';
import { gatedStages } from './stage-rules';
import type { ResolvedGateRule } from './types';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { settleRecentGateTasks } from './gate-task-copies';
import { settleOverrideNotes } from './settle-override-notes';

export interface SweepResult {
  candidates: number;
  reverted: number;
  passed: number;
  skipped: number;
  /** Second copies of gate tasks (two processes gated a deal at once) completed by the convergence step. */
  taskCopiesClosed: number;
  /** Second copies of override notes (two processes passed an overridden deal at once) archived by it. */
  noteCopiesArchived: number;
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
  let settledUpTo: number | undefined;
  return async (now, options = {}) => {
    const result = await sweepGatedDeals(deps, now, options);
    if (options.dryRun) return result;
    const since = settledUpTo === undefined ? now.getTime() - SETTLE_WINDOW_MS : settledUpTo - INDEX_LAG_MARGIN_MS;
    Object.assign(result, await settleLatelyGated(deps.gateway, since));
    settledUpTo = now.getTime();
    return result;
  };
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
  const result: SweepResult = { candidates: 0, reverted: 0, passed: 0, skipped: 0, taskCopiesClosed: 0, noteCopiesArchived: 0 };
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
    unsetOr(common, G.status, 'NOT_IN', ['passed', 'overridden']),
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

/**
 * How far back the convergence step looks: since the last sweep's step, less a margin for search
 * indexing (a deal decided just before it may not have been searchable yet); on a process's first
 * sweep (a start, a new leader), the last hour. A later event on a deal settles its copies in the
 * gate itself.
 */
export const SETTLE_WINDOW_MS = 60 * 60_000;
export const INDEX_LAG_MARGIN_MS = 5 * 60_000;

/**
 * The next pass after two processes gated a deal at the same moment: a reverted deal leaves the
 * gated stage and a passed one is settled, so no later sweep or event may visit it, and each
 * racer's task or override note would stay. Deals decided lately have their gate-task copies
 * settled (gate-task-copies.ts) and their override notes' (settle-override-notes.ts).
 */
async function settleLatelyGated(gateway: CrmGateway, since: number): Promise<Pick<SweepResult, 'taskCopiesClosed' | 'noteCopiesArchived'>> {
  const settled = { taskCopiesClosed: 0, noteCopiesArchived: 0 };
  await searchAll(
    gateway,
    'deals',
    [{ filters: [{ propertyName: G.checkedAt, operator: 'GTE', value: String(since) }] }],
    ['hs_object_id'],
    async (page) => {
      // Read again by id: the search may still show a gate status or task from before the last run.
      const deals = await currentRecords(gateway, 'deals', page, [G.status, G.taskId], () => true);
      const overridden = deals.filter((d) => d.properties[G.status] === 'overridden').map((d) => d.id);
      const [tasks, notes] = await Promise.all([settleRecentGateTasks(gateway, deals), settleOverrideNotes(gateway, overridden)]);
      settled.taskCopiesClosed += tasks;
      settled.noteCopiesArchived += notes;
    },
    100,
  );
  return settled;
}
