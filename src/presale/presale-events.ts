import type { CrmGateway } from '../hubspot/crm-gateway';
import { OBJECT_TYPE_IDS } from '../hubspot/standard-object-types';
import { isCreation, isPropertyChange, type HubSpotEvent } from '../webhooks/events';
import type { PresaleTriggers } from './presale-triggers';

export interface PresaleEventDeps {
  gateway: CrmGateway;
  types: { scope: string; contract: string };
  triggers: PresaleTriggers;
  /** Stage ids some playbook names (in any pipeline): a move elsewhere creates no units. */
  playbookStages: ReadonlySet<string>;
}

/**
 * The deals a webhook batch concerns for the playbooks: deals that entered a playbook stage (or
 * were created, e.g. imported into one), deals whose deliverable property changed, and the deals
 * of scopes and contracts created or changed in a deliverable property (one association read per
 * object type, run together). The receiver has already left this app's own writes out.
 */
export async function presaleDealsForEvents(events: HubSpotEvent[], deps: PresaleEventDeps): Promise<string[]> {
  const deals = new Set<string>();
  const linked = new Map<string, Set<string>>([
    [deps.types.scope, new Set()],
    [deps.types.contract, new Set()],
  ]);
  const watched = new Map<string, string[]>([
    [OBJECT_TYPE_IDS.deals, deps.triggers.deal],
    [deps.types.scope, deps.triggers.scope],
    [deps.types.contract, deps.triggers.contract],
  ]);
  for (const e of events) {
    if (!('objectId' in e) || e.objectId === undefined || !e.objectTypeId) continue;
    const id = String(e.objectId);
    if (e.objectTypeId === OBJECT_TYPE_IDS.deals) {
      const entered = isPropertyChange(e) && e.propertyName === 'dealstage' && (!e.propertyValue || deps.playbookStages.has(e.propertyValue));
      const changed = isPropertyChange(e) && deps.triggers.deal.includes(e.propertyName);
      if (isCreation(e) || entered || changed) deals.add(id);
      continue;
    }
    const records = linked.get(e.objectTypeId);
    if (!records) continue;
    const properties = watched.get(e.objectTypeId) ?? [];
    if (!properties.length) continue;
    if (isCreation(e) || (isPropertyChange(e) && properties.includes(e.propertyName))) records.add(id);
  }
  const scopes = [...linked.get(deps.types.scope)!];
  const contracts = [...linked.get(deps.types.contract)!];
  const reads = await Promise.all([
    scopes.length ? deps.gateway.associationsOf(deps.types.scope, 'deals', scopes) : undefined,
    contracts.length ? deps.gateway.associationsOf(deps.types.contract, 'deals', contracts) : undefined,
  ]);
  for (const links of reads) for (const ls of links?.values() ?? []) for (const l of ls) deals.add(l.id);
  return [...deals];
}
