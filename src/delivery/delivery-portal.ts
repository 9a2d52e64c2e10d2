import { PipelineCache } from '../gate/pipeline-cache';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { HubSpotError } from '../hubspot/errors';
import { PortalNotProvisionedError } from '../hubspot/object-types';
import type { AssociationCategory, AssociationTypeRef } from '../hubspot/types';
import type { DeliveryHealthPolicy } from '../model';

/** Ticket pipelines (open or closed from metadata.ticketState), read once and cached. */
export const ticketPipelineCache = (gateway: CrmGateway) => new PipelineCache(() => gateway.pipelines('tickets'));

/** Project pipelines, when the Projects source is switched on. */
export function projectPipelineCache(gateway: CrmGateway, policy: DeliveryHealthPolicy): PipelineCache | undefined {
  const { projects } = policy.sources;
  return projects.enabled ? new PipelineCache(() => gateway.pipelines(projects.objectType)) : undefined;
}

/**
 * The Change Order's object type id and the task → change order association type (absent when
 * the portal refuses to say: the task then links the deal only). Two calls; cache the result.
 */
export async function discoverChangeOrderTypes(
  gateway: CrmGateway,
  changeOrderName: string,
): Promise<{ changeOrder: string; taskToChangeOrder: AssociationTypeRef | undefined }> {
  const changeOrder = (await gateway.customObjectTypes()).find((s) => s.name === changeOrderName)?.objectTypeId;
  if (!changeOrder) throw new PortalNotProvisionedError([`custom object ${changeOrderName}`]);
  try {
    const unlabelled = (await gateway.associationLabels('tasks', changeOrder)).find((l) => !l.label);
    return { changeOrder, taskToChangeOrder: unlabelled ? { typeId: unlabelled.typeId, category: unlabelled.category as AssociationCategory } : undefined };
  } catch (err) {
    if (err instanceof HubSpotError && !err.isRetryable) return { changeOrder, taskToChangeOrder: undefined };
    throw err;
  }
}
