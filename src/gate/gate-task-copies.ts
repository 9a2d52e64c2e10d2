import type { CrmGateway } from '../hubspot/crm-gateway';
import { findKeyedTasks, type FindCopies } from '../tasks/find-keyed-tasks';
import { TASK_MARKER } from './decide';

/**
 * Every gate task of the keys' deals (the subject starts with the gate's marker): what syncOpenTasks
 * settles when two processes gated one deal at the same time and each created its task.
 */
export function gateTaskCopies(gateway: CrmGateway, dealOf: Map<string, string>): FindCopies {
  return async (keys) => {
    const keyOfDeal = new Map(keys.map((k) => [dealOf.get(k)!, k]));
    return findKeyedTasks(gateway, 'deals', [...keyOfDeal.keys()], (task, dealId) =>
      task.properties.hs_task_subject?.startsWith(TASK_MARKER) ? keyOfDeal.get(dealId) : undefined,
    );
  };
}
