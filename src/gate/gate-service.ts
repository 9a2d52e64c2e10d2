import type { KeyedLock } from '../concurrency/keyed-lock';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { Pipeline } from '../hubspot/types';
import type { Logger } from '../logger';
import { startCustomerStatuses } from '../status/start-customer-status';
import { decideGate, type GateDecision } from './decide';
import { enforceGateDecisions, type EnforceResult } from './enforce';
import { loadGateContexts, type LoadedDeal } from './load-context';
import type { PipelineCache } from './pipeline-cache';
import { gateReadPlan } from './resolve-rules';
import { evaluateGate } from './evaluate';
import { previewRule, ruleForStage } from './stage-rules';
import type { GateEvaluation, ResolvedGateRule } from './types';

export interface GateServiceDeps {
  gateway: CrmGateway;
  types: PortalTypes;
  rules: ResolvedGateRule[];
  pipelines: PipelineCache;
  locks: KeyedLock;
  logger: Logger;
  defaultOwnerId?: string;
  appId?: string;
}

export interface GateRun extends EnforceResult {
  decisions: GateDecision[];
}

export interface DealEvaluation {
  loaded: LoadedDeal;
  pipeline: Pipeline | undefined;
  decision: GateDecision;
  /** The rule for the deal's stage, or else the one it will meet on closing (for previews). */
  rule: ResolvedGateRule | undefined;
  /** The checklist against that rule, whether or not the deal is in a gated stage now. */
  evaluation: GateEvaluation | undefined;
}

/**
 * The gate as one path for webhooks, the sweep and the recheck button: load the batch, decide
 * each deal from current state (pure), then write the effects in batches.
 */
export function createGateService(deps: GateServiceDeps) {
  const plan = gateReadPlan(deps.rules);

  /** Decides one loaded deal (pure once pipelines are cached); the card API shares it. */
  async function decideLoaded(item: LoadedDeal, now: Date): Promise<DealEvaluation> {
    const pipeline = await deps.pipelines.find(item.deal.properties.pipeline, item.deal.properties.dealstage);
    const stage = item.deal.properties.dealstage ?? '';
    const rule = pipeline ? ruleForStage(deps.rules, pipeline, stage) : undefined;
    const isGated = (id: string) => !!pipeline && !!ruleForStage(deps.rules, pipeline, id);
    const decision = decideGate({ ...item, pipeline, rule, isGated }, now);
    const shown = rule ?? (pipeline ? previewRule(deps.rules, pipeline) : undefined);
    const evaluation = decision.action !== 'skip' ? decision.evaluation : shown ? evaluateGate(shown, item, now) : undefined;
    return { loaded: item, pipeline, decision, rule: shown, evaluation };
  }

  async function decideAll(dealIds: string[], now: Date): Promise<DealEvaluation[]> {
    const loaded = await loadGateContexts(deps.gateway, deps.types, dealIds, plan);
    const out: DealEvaluation[] = [];
    for (const item of loaded.values()) out.push(await decideLoaded(item, now));
    return out;
  }

  async function gateDeals(dealIds: string[], now: Date): Promise<GateRun> {
    const ids = [...new Set(dealIds)];
    if (!ids.length) return { decisions: [], reverted: [], passed: [], tasksCreated: 0, tasksUpdated: 0, notesCreated: 0 };
    return deps.locks.run(ids.map((id) => `deal:${id}`), async () => {
      const decisions = (await decideAll(ids, now)).map((e) => e.decision);
      const result = await enforceGateDecisions(decisions, {
        gateway: deps.gateway,
        types: deps.types,
        defaultOwnerId: deps.defaultOwnerId,
        onPassed: async (passed) => {
          await deps.locks.run(['customer-status'], () => startCustomerStatuses(passed, deps, now));
        },
      });
      for (const d of decisions) {
        if (d.action !== 'skip') {
          deps.logger.info(
            { dealId: d.dealId, action: d.action, status: d.evaluation.status, passed: `${d.evaluation.passedCount}/${d.evaluation.total}` },
            d.action === 'block' ? 'gate blocked a deal and sent it back' : 'gate passed a deal',
          );
        }
      }
      return { decisions, ...result };
    });
  }

  /** Evaluates one deal without writing anything (the CLI and the card use it). */
  async function evaluateDeal(dealId: string, now: Date): Promise<DealEvaluation | undefined> {
    const [one] = await decideAll([dealId], now);
    return one;
  }

  return { gateDeals, evaluateDeal, decideAll, decideLoaded, readPlan: plan };
}

export type GateService = ReturnType<typeof createGateService>;
