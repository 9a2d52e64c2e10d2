import { assessCapacity, capacityWindow, scopeLoadFrom, type CapacityAssessment } from '../capacity';
import { committedScopes } from '../capacity/committed-scopes';
import type { PresaleSection } from '../cards/card-data';
import type { DealEvaluation } from '../gate/gate-service';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { Owner } from '../hubspot/types';
import type { CapacitySettings } from '../model';
import { findMarkedTasks } from '../tasks/find-marked-tasks';
import { ownerName } from '../words/format-words';
import { currentScope } from './feasibility-request';
import { UNIT_KEY_LABEL } from './load-presale';
import { planPresale, type PresalePolicy } from './plan-presale';
import { buildPresaleSection } from './presale-card-section';
import type { Pipeline } from '../hubspot/types';

export interface PresaleCardDeps {
  gateway: CrmGateway;
  scopeType: string;
  policy: PresalePolicy;
  capacity: CapacitySettings;
  scopeDisplay: string;
  owners?: (() => Promise<Owner[]>) | undefined;
  /** Weeks the card's chart shows. */
  weeks: number;
}

const PROPOSAL = { timelineWeeks: 'proposal_timeline_weeks', plannedStart: 'planned_start_date' };

async function capacityFor(
  deps: PresaleCardDeps,
  scope: Parameters<typeof scopeLoadFrom>[0] | undefined,
  now: Date,
): Promise<{ capacity: CapacityAssessment | null; problem: string | null }> {
  if (!scope) return { capacity: null, problem: 'Add a Scope with its delivery team, start and estimate to see whether the team can take it.' };
  const proposed = scopeLoadFrom(scope, deps.capacity);
  const team = deps.capacity.teams.find((t) => t.id === proposed.teamId);
  if (!proposed.teamId) return { capacity: null, problem: 'The Scope names no delivery team: set its Delivery team to see the team’s load.' };
  if (!team) return { capacity: null, problem: `Team “${proposed.teamId}” is not in schemas/capacity.json: add its weekly hours there.` };
  const committed = await committedScopes(deps.gateway, deps.scopeType, deps.capacity, [team.id]);
  const window = capacityWindow(now, deps.policy.timeZone, deps.weeks);
  return { capacity: assessCapacity(team, committed, window, proposed, deps.capacity), problem: null };
}

/**
 * The deal card's pre-sale section, from what the card already loaded (the gate's evaluation
 * read the deal, its history and every scope property): the stage's units with their tasks (two
 * calls), the review, and the team's capacity with this scope on top (a search, pages × 2), run
 * together. Null once the deal is closed.
 */
export async function presaleCardSection(deps: PresaleCardDeps, e: DealEvaluation, pipelines: readonly Pipeline[], now: Date): Promise<PresaleSection | null> {
  const deal = e.loaded.deal;
  const stage = e.pipeline?.stages.find((s) => s.id === deal.properties.dealstage);
  if (!e.pipeline || !stage || stage.isClosed) return null;
  const scope = currentScope(e.loaded.scopes);
  const [tasks, cap, owners] = await Promise.all([
    findMarkedTasks(deps.gateway, 'deals', [deal.id], UNIT_KEY_LABEL),
    capacityFor(deps, scope, now),
    deps.owners ? deps.owners() : Promise.resolve([] as Owner[]),
  ]);
  const loaded = { deal, scopes: e.loaded.scopes, contracts: e.loaded.contracts, tasks: tasks.get(deal.id) ?? new Map(), companyDeliveryOwnerId: null };
  const plan = planPresale(loaded, pipelines, deps.policy, now);
  return buildPresaleSection({
    plan,
    ownerNames: new Map(owners.flatMap((o) => (ownerName(o) ? [[o.id, ownerName(o)!] as const] : []))),
    labels: deps.policy.labels,
    scope,
    scopeDisplay: deps.scopeDisplay,
    proposal: PROPOSAL,
    capacity: cap.capacity,
    capacityProblem: cap.problem,
    timeZone: deps.policy.timeZone,
  });
}
