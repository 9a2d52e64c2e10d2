import type { KeyedLock } from '../concurrency/keyed-lock';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { CrmRecord, Owner, Pipeline } from '../hubspot/types';
import { ownerName } from '../words/format-words';
import type { Logger } from '../logger';
import { CUSTOMER_STATUS_LOCK } from '../status/customer-status-service';
import { startCustomerStatuses } from '../status/start-customer-status';
import { decideGate, skipReason, type GateDecision, type GateWords } from './decide';
import { describeDecision } from './describe-decision';
import { enforceGateDecisions, type EnforceResult } from './enforce';
import { loadGateBatch, type GateBatchAsk } from './load-batch';
import { loadGateContexts, loadLinkedRecords, type GateReadPlan, type LoadedDeal } from './load-context';
import { mayPass } from './may-pass';
import type { PipelineCache } from './pipeline-cache';
import { gateReadPlan } from './resolve-rules';
import { evaluateGate } from './evaluate';
import { isEnforcedStage, ruleModeAt, type RuleMode } from './rule-mode';
import { ruleForStage } from './stage-rules';
import { writeAdvice } from './write-advice';
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
  /** The portal's time zone, for dates in notes (default UTC). */
  timeZone?: string;
  /** The portal's owners (cached by the caller), read only when a note must name who overrode. */
  owners?: () => Promise<Owner[]>;
}

export interface GateRun extends EnforceResult {
  decisions: GateDecision[];
  /** Deals an advising rule wrote its task for (created, updated or completed). */
  advised: string[];
}

/** Properties a caller shows beside the checklist (the deal card), read in the gate's own batch calls. */
export interface ExtraProperties {
  deal?: string[];
  scope?: string[];
  contract?: string[];
  commitment?: string[];
}

/** A deal of a batch its record alone does not settle: its rule, and whether that rule enforces there. */
interface OpenDeal {
  deal: CrmRecord;
  rule: ResolvedGateRule;
  enforced: boolean;
}

export interface DealEvaluation {
  loaded: LoadedDeal;
  pipeline: Pipeline | undefined;
  decision: GateDecision;
  /** The rule for the deal's stage, or else the one it will meet on closing (for previews). */
  rule: ResolvedGateRule | undefined;
  /** The checklist against that rule, whether or not the deal is in a gated stage now. */
  evaluation: GateEvaluation | undefined;
  /** That rule's mode at its stage: advise (checklist and task) or enforce (revert). */
  mode?: RuleMode | undefined;
}

/**
 * The gate as one path for webhooks, the sweep and the recheck button: load the batch, decide
 * each deal from current state (pure), then write the effects in batches.
 */
export function createGateService(deps: GateServiceDeps) {
  const plan = gateReadPlan(deps.rules);

  /** Owner names only for a deal whose override a note will name; otherwise no owners call. */
  async function wordsFor(deal: CrmRecord): Promise<GateWords> {
    const overridden = deps.rules.some((r) => deal.properties[r.override.flag] === 'true');
    const owners = overridden && deps.owners ? await deps.owners() : [];
    const userNames = new Map(owners.flatMap((o) => (o.userId !== undefined && ownerName(o) ? [[o.userId, ownerName(o)!] as const] : [])));
    return { timeZone: deps.timeZone ?? 'UTC', userNames };
  }

  /** Decides one loaded deal (pure once pipelines are cached); the card API shares it. */
  async function decideLoaded(item: LoadedDeal, now: Date): Promise<DealEvaluation> {
    const pipeline = await deps.pipelines.find(item.deal.properties.pipeline, item.deal.properties.dealstage);
    const stage = item.deal.properties.dealstage ?? '';
    const rule = pipeline ? ruleForStage(deps.rules, pipeline, stage) : undefined;
    const isGated = (id: string) => !!pipeline && isEnforcedStage(deps.rules, pipeline, id);
    const words = rule ? await wordsFor(item.deal) : undefined;
    const decision = decideGate({ ...item, pipeline, rule, isGated, ...(words ? { words } : {}) }, now);
    // Not in a stage with a rule: the checklist it meets on closing, the first enforced stage.
    const shownStage = rule ? stage : pipeline?.stages.find((s) => isEnforcedStage(deps.rules, pipeline, s.id))?.id;
    const shown = rule ?? (pipeline && shownStage ? ruleForStage(deps.rules, pipeline, shownStage) : undefined);
    const evaluation = decision.action !== 'skip' ? decision.evaluation : shown ? evaluateGate(shown, item, now) : undefined;
    const mode = shown
      ? ruleModeAt(
          shown,
          pipeline?.stages.find((s) => s.id === shownStage),
        )
      : undefined;
    return { loaded: item, pipeline, decision, rule: shown, evaluation, mode };
  }

  async function decideAll(dealIds: string[], now: Date, readPlan: GateReadPlan = plan): Promise<DealEvaluation[]> {
    const loaded = await loadGateContexts(deps.gateway, deps.types, dealIds, readPlan);
    const out: DealEvaluation[] = [];
    for (const item of loaded.values()) out.push(await decideLoaded(item, now));
    return out;
  }

  /** The deals of a batch, and those the deal record alone does not settle (with their rule). */
  async function readOpenDeals(dealIds: string[], now: Date) {
    const deals = await deps.gateway.readMany('deals', dealIds, plan.dealProperties, plan.dealHistory);
    const skipped: GateDecision[] = [];
    const open: OpenDeal[] = [];
    for (const deal of deals.values()) {
      const pipeline = await deps.pipelines.find(deal.properties.pipeline, deal.properties.dealstage);
      const rule = pipeline ? ruleForStage(deps.rules, pipeline, deal.properties.dealstage ?? '') : undefined;
      const reason = skipReason({ deal, pipeline, rule }, now);
      if (reason || !rule || !pipeline) skipped.push({ action: 'skip', dealId: deal.id, reason: reason ?? 'not_gated' });
      else open.push({ deal, rule, enforced: isEnforcedStage(deps.rules, pipeline, deal.properties.dealstage ?? '') });
    }
    return { deals, skipped, open };
  }

  const decideLoadedAll = (loaded: Map<string, LoadedDeal>, now: Date) =>
    Promise.all([...loaded.values()].map(async (item) => (await decideLoaded(item, now)).decision));

  /**
   * Decisions for a batch, reading scopes and contracts only for deals the deal record alone does
   * not settle (not in a gated stage, entered before enforcement, already passed): a re-delivered
   * batch costs one read.
   */
  async function decideBatch(dealIds: string[], now: Date): Promise<GateDecision[]> {
    const { skipped, open } = await readOpenDeals(dealIds, now);
    const loaded = await loadLinkedRecords(
      deps.gateway,
      deps.types,
      open.map((o) => o.deal),
      plan,
    );
    return [...skipped, ...(await decideLoadedAll(loaded, now))];
  }

  /**
   * What each open deal may need besides its scopes, contracts and promises, from its record alone.
   * Only enforced stages block, pass and write notes; advising ones keep their own task (write-advice.ts).
   */
  function askFor(open: OpenDeal[], now: Date): GateBatchAsk {
    const enforced = open.filter((o) => o.enforced);
    const overridden = (o: OpenDeal) => o.deal.properties[o.rule.override.flag] === 'true';
    return {
      tasksOf: enforced.map((o) => o.deal.id),
      notesOf: enforced.filter(overridden).map((o) => o.deal.id),
      companiesOf: enforced.filter((o) => mayPass(o.rule, o.deal, now)).map((o) => o.deal.id),
    };
  }

  async function gateDeals(dealIds: string[], now: Date): Promise<GateRun> {
    const ids = [...new Set(dealIds)];
    if (!ids.length) return { decisions: [], advised: [], reverted: [], passed: [], tasksCreated: 0, tasksUpdated: 0, notesCreated: 0 };
    return deps.locks.run(
      ids.map((id) => `deal:${id}`),
      async () => {
        const { deals, skipped, open } = await readOpenDeals(ids, now);
        const ask = askFor(open, now);
        // The customer statuses are read with the batch and written before its commit: nothing else
        // may start one for the same companies in between (the lock spans both when a deal may pass).
        const statusLocked = ask.companiesOf.length > 0;
        const decideAndWrite = async () => {
          const { loaded, prefetched } = await loadGateBatch(
            deps.gateway,
            deps.types,
            open.map((o) => o.deal),
            plan,
            ask,
            deals,
          );
          const decisions = [...skipped, ...(await decideLoadedAll(loaded, now))];
          const result = await enforceGateDecisions(decisions, {
            gateway: deps.gateway,
            types: deps.types,
            defaultOwnerId: deps.defaultOwnerId,
            prefetched,
            onPassed: async (passed, contractChanges) => {
              const start = () => startCustomerStatuses(passed, deps, now, { contractChanges, ...(prefetched.pass ? { preread: prefetched.pass } : {}) });
              await (statusLocked ? start() : deps.locks.run([CUSTOMER_STATUS_LOCK], start));
            },
          });
          return { decisions, result };
        };
        const { decisions, result } = statusLocked ? await deps.locks.run([CUSTOMER_STATUS_LOCK], decideAndWrite) : await decideAndWrite();
        const advised = await writeAdvice(decisions, { gateway: deps.gateway, defaultOwnerId: deps.defaultOwnerId });
        const written = new Set([...result.reverted, ...result.passed]);
        for (const d of decisions) {
          if (d.action === 'skip' || !written.has(d.dealId)) continue;
          const { fields, message } = describeDecision(d);
          deps.logger.info(fields, message);
        }
        return { decisions, advised, ...result };
      },
    );
  }

  /**
   * Evaluates one deal without writing anything (the CLI and the card use it); `extra` properties
   * are read in the same batch calls, for a caller that shows them beside the checklist.
   */
  async function evaluateDeal(dealId: string, now: Date, extra: ExtraProperties = {}): Promise<DealEvaluation | undefined> {
    const [one] = await decideAll([dealId], now, withExtra(plan, extra));
    return one;
  }

  /** What `gateDeals` would decide for each deal (the sweep's dry run); writes nothing. */
  const previewDeals = (dealIds: string[], now: Date): Promise<GateDecision[]> => decideBatch([...new Set(dealIds)], now);

  return { gateDeals, evaluateDeal, previewDeals };
}

export type GateService = ReturnType<typeof createGateService>;

const union = (...lists: Array<string[] | undefined>) => [...new Set(lists.flatMap((l) => l ?? []))];

function withExtra(plan: GateReadPlan, extra: ExtraProperties): GateReadPlan {
  return {
    ...plan,
    dealProperties: union(plan.dealProperties, extra.deal),
    scopeProperties: union(plan.scopeProperties, extra.scope),
    contractProperties: union(plan.contractProperties, extra.contract),
    commitmentProperties: union(plan.commitmentProperties, extra.commitment),
  };
}
