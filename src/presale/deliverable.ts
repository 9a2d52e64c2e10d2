import type { GateContext, LinkedRecord } from '../gate/types';
import type { Properties } from '../hubspot/types';
import type { Deliverable } from '../model';
import { SCOPE_PROPERTIES } from '../model/well-known-properties';

/**
 * What a deliverable is checked against: the deal and its linked records as the gate loads them
 * (the same GateContext), so a unit and a gate rule that names it never disagree.
 */
export type DeliverableFacts = GateContext;

// evaluate.ts's isFilled, repeated: the gate's checklist imports this file.
const isFilled = (v: string | null | undefined): v is string => v !== null && v !== undefined && v.trim() !== '';

const same = (actual: string | null | undefined, wanted: string) => isFilled(actual) && actual.trim().toLowerCase() === wanted.trim().toLowerCase();

const holds = (props: Properties, property: string, values: readonly string[] | undefined) =>
  values ? values.some((v) => same(props[property], v)) : isFilled(props[property]);

// A superseded scope is history: its review or fields do not count for the deal any more.
const current = (scopes: LinkedRecord[]) => scopes.filter((s) => !same(s.properties[SCOPE_PROPERTIES.status], 'superseded'));

/** Does the deliverable exist: the property filled in (or holding a wanted value), the linked record in its required state? */
export function deliverableMet(deliverable: Deliverable, facts: DeliverableFacts): boolean {
  switch (deliverable.kind) {
    case 'deal_property':
      return holds(facts.deal.properties, deliverable.property, deliverable.values);
    case 'scope_property':
      return current(facts.scopes).some((s) => holds(s.properties, deliverable.property, deliverable.values));
    case 'linked_record': {
      const records = deliverable.object === 'scope' ? current(facts.scopes) : facts.contracts;
      return records.some(
        (r) =>
          deliverable.requiredProperties.every((p) => isFilled(r.properties[p])) &&
          Object.entries(deliverable.requiredValues).every(([p, v]) => same(r.properties[p], v)),
      );
    }
  }
}

/** A unit is done when its deliverable exists, whoever ticked (or did not tick) its task. */
export const unitDone = (unit: { deliverable: Deliverable }, facts: DeliverableFacts): boolean => deliverableMet(unit.deliverable, facts);
