import { assessCapacity, capacityWindow, type CapacityAssessment } from '../capacity';
import { committedScopes } from '../capacity/committed-scopes';
import type { PresaleSection } from '../cards/card-data';
import type { KeyedLock } from '../concurrency/keyed-lock';
import type { DealEvaluation } from '../gate/gate-service';
import type { PipelineCache } from '../gate/pipeline-cache';
import { gatedStages } from '../gate/stage-rules';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import { passOverSearch } from '../hubspot/search-windows';
import type { Owner, SearchFilter } from '../hubspot/types';
import type { Logger } from '../logger';
import { objectByRole, type Model } from '../model';
import type { HubSpotEvent } from '../webhooks/events';
import { requestFeasibilityReview } from './feasibility-request';
import { loadPresale } from './load-presale';
import { planPresale, type PresalePlan, type PresalePolicy } from './plan-presale';
import { presaleCardSection } from './presale-card';
import { presaleDealsForEvents } from './presale-events';
import { presaleLabels } from './presale-labels';
import { presaleReadPlan } from './presale-read-plan';
import { linksRecords, presaleTriggers } from './presale-triggers';
import { writePresale, type PresaleWriteResult } from './write-presale';

export interface PresaleServiceDeps {
  gateway: CrmGateway;
  types: Pick<PortalTypes, 'scope' | 'contract'>;
  pipelines: PipelineCache;
  locks: KeyedLock;
  model: Pick<Model, 'playbooks' | 'capacity' | 'objects' | 'deals'>;
  settings: { timeZone: string; defaultOwnerId?: string | undefined };
  logger: Logger;
  owners?: (() => Promise<Owner[]>) | undefined;
}

export interface PresaleRun extends PresaleWriteResult {
  dealsChecked: number;
  plans: PresalePlan[];
}

export const PLAYBOOK_PAGE_SIZE = 100;
export const CARD_WEEKS = 12;

const emptyRun = (): PresaleRun => ({ dealsChecked: 0, plans: [], unitsCreated: 0, tasksCompleted: 0 });

/**
 * Stage playbooks, the feasibility review and capacity as one use case: webhooks, the daily pass
 * and the card all load a batch of deals (batched), plan each (pure) and write only what is
 * missing: unit tasks by key (so duplicates and back-and-forth moves create nothing), and the
 * completion of tasks whose deliverable appeared.
 */
export function createPresaleService(deps: PresaleServiceDeps) {
  const { playbooks, capacity } = deps.model;
  const plan = presaleReadPlan(deps.model);
  const policy: PresalePolicy = { playbooks, labels: presaleLabels(deps.model), timeZone: deps.settings.timeZone };
  const scope = objectByRole(deps.model, 'scope');
  const loadDeps = {
    gateway: deps.gateway,
    types: deps.types,
    plan,
    companyProperty: playbooks.deliveryLead.companyProperty,
    withContracts: linksRecords(playbooks, 'contract'),
  };
  const triggers = presaleTriggers(playbooks);
  const cardDeps = {
    gateway: deps.gateway,
    scopeType: deps.types.scope,
    policy,
    capacity,
    scopeDisplay: scope.primaryDisplayProperty,
    owners: deps.owners,
    weeks: CARD_WEEKS,
  };

  const playbookStages = async () => gatedStages(playbooks.playbooks, await deps.pipelines.all());

  /** Plans each deal at the stage it is in now and writes what is missing, unless dryRun. */
  async function syncDeals(dealIds: string[], now: Date, options: { dryRun?: boolean } = {}): Promise<PresaleRun> {
    const ids = [...new Set(dealIds)];
    if (!ids.length) return emptyRun();
    return deps.locks.run(
      ids.map((id) => `presale:${id}`),
      async () => {
        const loaded = await loadPresale(loadDeps, ids);
        const pipelines = await deps.pipelines.all();
        const plans = loaded.map((item) => planPresale(item, pipelines, policy, now));
        const run: PresaleRun = { ...emptyRun(), dealsChecked: loaded.length, plans };
        if (options.dryRun) return run;
        const written = await writePresale(plans, {
          gateway: deps.gateway,
          timeZone: deps.settings.timeZone,
          defaultOwnerId: deps.settings.defaultOwnerId,
          tasksBefore: new Map(loaded.map((item) => [item.deal.id, item.linkedTaskIds ?? []])),
        });
        for (const p of plans.filter((x) => x.create.length)) {
          deps.logger.info(
            { dealId: p.dealId, stage: p.stageId, units: p.create.map((d) => d.key) },
            `${p.dealName} entered ${p.stageLabel ?? p.stageId}: ${p.create.length} pre-sale unit(s)`,
          );
        }
        return { ...run, ...written };
      },
    );
  }

  /**
   * The backstop for missed events, level-triggered: every deal sitting in a playbook stage,
   * modified since `since`, searched by id cursor 100 a page and synced like a webhook's deals
   * (missing units created, delivered ones ticked). Units of stages a deal has left are ticked by
   * their deliverable's webhook.
   */
  async function dailyPass(now: Date, options: { dryRun?: boolean } = {}): Promise<PresaleRun> {
    const stages = [...new Set((await playbookStages()).map((s) => s.stageId))];
    if (!stages.length) return emptyRun();
    const filters: SearchFilter[] = [
      { propertyName: 'dealstage', operator: 'IN', values: stages },
      ...(playbooks.since ? [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE' as const, value: String(Date.parse(playbooks.since)) }] : []),
    ];
    return passOverSearch(deps.gateway, 'deals', [{ filters }], PLAYBOOK_PAGE_SIZE, {
      empty: emptyRun(),
      add: (total, run) => ({
        dealsChecked: total.dealsChecked + run.dealsChecked,
        plans: [...total.plans, ...run.plans],
        unitsCreated: total.unitsCreated + run.unitsCreated,
        tasksCompleted: total.tasksCompleted + run.tasksCompleted,
      }),
      run: (ids) => syncDeals(ids, now, options),
    });
  }

  /** Each team's weekly load from its committed scopes (`npm run capacity`). */
  async function capacityReport(now: Date, options: { teamIds?: string[]; weeks: number }): Promise<CapacityAssessment[]> {
    const teams = capacity.teams.filter((t) => !options.teamIds || options.teamIds.includes(t.id));
    const scopes = await committedScopes(
      deps.gateway,
      deps.types.scope,
      capacity,
      teams.map((t) => t.id),
    );
    const window = capacityWindow(now, deps.settings.timeZone, options.weeks);
    return teams.map((t) => assessCapacity(t, scopes, window, null, capacity));
  }

  return {
    syncDeals,
    dailyPass,
    capacityReport,
    dealsForEvents: async (events: HubSpotEvent[]) =>
      presaleDealsForEvents(events, {
        gateway: deps.gateway,
        types: deps.types,
        triggers,
        playbookStages: new Set((await playbookStages()).map((s) => s.stageId)),
      }),
    cardSection: async (e: DealEvaluation, now: Date): Promise<PresaleSection | null> => presaleCardSection(cardDeps, e, await deps.pipelines.all(), now),
    requestReview: (dealId: string, now: Date) => requestFeasibilityReview(deps.gateway, deps.types.scope, dealId, now),
    /** Deal properties the card must read for the units (beyond the handoff group). */
    dealProperties: plan.dealProperties,
  };
}

export type PresaleService = ReturnType<typeof createPresaleService>;
