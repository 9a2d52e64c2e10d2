import { todayIn, type CalendarDate } from '../dates/calendar';
import { readStageEntry } from '../gate/stage-history';
import type { Pipeline } from '../hubspot/types';
import type { Playbooks } from '../model';
import { deliverableMet } from './deliverable';
import type { LoadedPresale } from './load-presale';
import { playbookUnitsFor } from './playbook-units';
import type { PresaleLabels } from './presale-labels';
import { parseUnitKey } from './unit-key';
import { unitStatuses, type UnitStatus, type UnitTask } from './unit-status';
import { unitTaskDraft, type UnitTaskDraft } from './unit-task';

/** What the playbooks do for one deal: the units of its current stage, tasks to create and to complete. */
export interface PresalePlan {
  dealId: string;
  dealName: string;
  stageId: string;
  stageLabel: string | null;
  /** The current stage's units and where each stands. */
  units: UnitStatus[];
  create: UnitTaskDraft[];
  /** Open unit tasks (of any stage) whose deliverable now exists, and second open copies of a unit key. */
  complete: string[];
  /** Why the current stage gives no units, when it has a playbook but the entry predates `since`. */
  beforeSince: boolean;
}

export interface PresalePolicy {
  playbooks: Playbooks;
  labels: PresaleLabels;
  timeZone: string;
}

const isOpen = (status: string | null) => status !== 'COMPLETED';

/**
 * Pure: the units a deal gets for the stage it is in now (decided from its stage history, never
 * the event), the tasks still to make (by key: one that exists, open or ticked, is never made
 * again) and the open ones whose deliverable appeared, whichever stage they came from.
 */
export function planPresale(item: LoadedPresale, pipelines: readonly Pipeline[], policy: PresalePolicy, now: Date): PresalePlan {
  const { deal } = item;
  const p = deal.properties;
  const stageId = p.dealstage ?? '';
  const dealName = p.dealname || `Deal ${deal.id}`;
  const pipeline = pipelines.find((x) => x.id === p.pipeline);
  const stageLabel = pipeline?.stages.find((s) => s.id === stageId)?.label ?? null;
  const entry = readStageEntry(deal.history.dealstage ?? [], stageId);
  const enteredAt = entry.enteredAt ?? deal.createdAt ?? now.toISOString();
  const since = policy.playbooks.since;
  const beforeSince = !!since && Date.parse(enteredAt) < Date.parse(since);
  const today: CalendarDate = todayIn(policy.timeZone, now);
  const planned = beforeSince
    ? []
    : playbookUnitsFor(policy.playbooks, pipelines, {
        dealId: deal.id,
        pipelineId: p.pipeline ?? '',
        stageId,
        enteredOn: todayIn(policy.timeZone, new Date(enteredAt)),
        dealOwnerId: p.hubspot_owner_id || null,
        companyDeliveryOwnerId: item.companyDeliveryOwnerId,
      });
  const facts = { deal: { id: deal.id, properties: p }, scopes: item.scopes, contracts: item.contracts };
  const tasks = new Map<string, UnitTask>([...item.tasks].map(([key, t]) => [key, { id: t.id, completed: !isOpen(t.status) }]));
  const units = unitStatuses(planned, facts, tasks, today);
  const current = new Set(planned.map((u) => u.key));
  const unitDefs = new Map(policy.playbooks.units.map((u) => [u.id, u]));
  const earlier = [...item.tasks].flatMap(([key, t]) => {
    if (current.has(key) || !isOpen(t.status)) return [];
    const unit = unitDefs.get(parseUnitKey(key)?.unitId ?? '');
    return unit && deliverableMet(unit.deliverable, facts) ? [t.id] : [];
  });
  return {
    dealId: deal.id,
    dealName,
    stageId,
    stageLabel,
    units,
    create: units.filter((u) => u.createTask).map((u) => unitTaskDraft(u.unit, dealName, stageLabel ?? stageId, policy.labels)),
    complete: [...units.filter((u) => u.completeTask && u.taskId).map((u) => u.taskId!), ...earlier, ...(item.secondCopies ?? [])],
    beforeSince,
  };
}
