import { capacityScopeProperties } from '../capacity/scope-load-from';
import type { GateReadPlan } from '../gate/load-context';
import type { Model } from '../model';
import { FEASIBILITY_PROPERTIES } from '../model/presale-properties';
import { SCOPE_PROPERTIES } from '../model/well-known-properties';
import { presaleTriggers } from './presale-triggers';

const union = (...lists: string[][]) => [...new Set(lists.flat())];

/** Exactly what the playbooks read: the deal and its stage history, and what deliverables name on scopes and contracts. */
export function presaleReadPlan(model: Pick<Model, 'playbooks' | 'capacity'>): GateReadPlan {
  const on = presaleTriggers(model.playbooks);
  return {
    dealProperties: union(['dealname', 'dealstage', 'pipeline', 'hubspot_owner_id', 'createdate'], on.deal),
    dealHistory: ['dealstage'],
    scopeProperties: union(
      [SCOPE_PROPERTIES.name, SCOPE_PROPERTIES.status, SCOPE_PROPERTIES.approved],
      on.scope,
      Object.values(FEASIBILITY_PROPERTIES),
      capacityScopeProperties(model.capacity),
    ),
    contractProperties: on.contract,
    // Deliverables never name a promise: no promise reads for the playbooks.
    commitmentProperties: [],
  };
}
