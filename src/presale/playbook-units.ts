import { addDays, type CalendarDate } from '../dates/calendar';
import { ruleForStage } from '../gate/stage-rules';
import type { Pipeline } from '../hubspot/types';
import type { Deliverable, PlaybookDef, Playbooks, UnitOwner } from '../model';
import { unitKey } from './unit-key';

/** A deal entering a stage, as the I/O read it (the stage entry from dealstage history). */
export interface StageEntryFacts {
  dealId: string;
  pipelineId: string;
  stageId: string;
  /** The day the deal entered the stage, in the portal's time zone: units fall due from here. */
  enteredOn: CalendarDate;
  dealOwnerId: string | null;
  /** The owner in the company property playbooks.json names for delivery leads; null without one. */
  companyDeliveryOwnerId: string | null;
}

/** How a unit's owner was found, so the task can say when it fell back to the deal owner. */
export type OwnerSource = 'deal_owner' | 'company_delivery_owner' | 'configured_delivery_lead' | 'deal_owner_fallback' | 'nobody';

/** One pre-sale work unit for one deal and stage: what the I/O creates as a task (once, by key). */
export interface PlannedUnit {
  key: string;
  dealId: string;
  stageId: string;
  unitId: string;
  title: string;
  ownerRole: UnitOwner;
  ownerId: string | null;
  ownerSource: OwnerSource;
  dueDate: CalendarDate;
  deliverable: Deliverable;
  howToFinish: string | null;
}

/** The playbook a stage has: like gate rules, a pipeline beats `*` and a stage id beats `closed_won`. */
export function playbookFor(playbooks: Pick<Playbooks, 'playbooks'>, pipeline: Pipeline, stageId: string): PlaybookDef | undefined {
  return ruleForStage(playbooks.playbooks, pipeline, stageId);
}

function ownerOf(role: UnitOwner, entry: StageEntryFacts, lead: Playbooks['deliveryLead']): { ownerId: string | null; ownerSource: OwnerSource } {
  if (role === 'delivery_lead') {
    if (entry.companyDeliveryOwnerId) return { ownerId: entry.companyDeliveryOwnerId, ownerSource: 'company_delivery_owner' };
    if (lead.ownerId) return { ownerId: lead.ownerId, ownerSource: 'configured_delivery_lead' };
    return entry.dealOwnerId ? { ownerId: entry.dealOwnerId, ownerSource: 'deal_owner_fallback' } : { ownerId: null, ownerSource: 'nobody' };
  }
  return entry.dealOwnerId ? { ownerId: entry.dealOwnerId, ownerSource: 'deal_owner' } : { ownerId: null, ownerSource: 'nobody' };
}

/**
 * The units a deal gets for entering a stage. Pure and deterministic: the same entry gives the
 * same units with the same keys, so re-delivered events and back-and-forth moves plan nothing new
 * (the I/O creates by key and skips keys it finds). Unknown pipelines and stages without a
 * playbook give none.
 */
export function playbookUnitsFor(playbooks: Playbooks, pipelines: readonly Pipeline[], entry: StageEntryFacts): PlannedUnit[] {
  const pipeline = pipelines.find((p) => p.id === entry.pipelineId);
  const playbook = pipeline ? playbookFor(playbooks, pipeline, entry.stageId) : undefined;
  if (!playbook) return [];
  const units = new Map(playbooks.units.map((u) => [u.id, u]));
  return playbook.units.flatMap((id) => {
    const unit = units.get(id);
    if (!unit) return [];
    return [
      {
        key: unitKey({ dealId: entry.dealId, stageId: entry.stageId, unitId: unit.id }),
        dealId: entry.dealId,
        stageId: entry.stageId,
        unitId: unit.id,
        title: unit.title,
        ownerRole: unit.owner,
        ...ownerOf(unit.owner, entry, playbooks.deliveryLead),
        dueDate: addDays(entry.enteredOn, unit.dueDays),
        deliverable: unit.deliverable,
        howToFinish: unit.howToFinish ?? null,
      },
    ];
  });
}
