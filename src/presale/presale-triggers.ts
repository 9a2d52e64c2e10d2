import type { Playbooks } from '../model';

/** Which properties, on which object, can make a unit's deliverable appear. */
export interface PresaleTriggers {
  deal: string[];
  scope: string[];
  contract: string[];
}

const unique = (xs: string[]) => [...new Set(xs)];

/** From schemas/playbooks.json: the properties whose change may complete a unit (webhooks and the read plan). */
export function presaleTriggers(playbooks: Pick<Playbooks, 'units'>): PresaleTriggers {
  const on = { deal: [] as string[], scope: [] as string[], contract: [] as string[] };
  for (const { deliverable: d } of playbooks.units) {
    if (d.kind === 'deal_property') on.deal.push(d.property);
    else if (d.kind === 'scope_property') on.scope.push(d.property);
    else on[d.object].push(...d.requiredProperties, ...Object.keys(d.requiredValues));
  }
  return { deal: unique(on.deal), scope: unique(on.scope), contract: unique(on.contract) };
}

/** Do units create or check linked records of this kind (a linked_record deliverable names it)? */
export const linksRecords = (playbooks: Pick<Playbooks, 'units'>, object: 'scope' | 'contract'): boolean =>
  playbooks.units.some((u) => u.deliverable.kind === 'linked_record' && u.deliverable.object === object);
