import type { AssociationLabelDef } from './association-schema';
import type { CapacitySettings } from './capacity-schema';
import type { DealPropertiesDef } from './deal-properties-schema';
import type { DeliveryHealthPolicy } from './delivery-health-schema';
import type { GateRules } from './gate-rules-schema';
import type { InsightsSettings } from './insights-schema';
import type { CustomObjectDef, ObjectRole } from './object-schema';
import type { Playbooks } from './playbooks-schema';
import type { PropertyDef } from './property-schema';
import type { RenewalSettings } from './renewals-schema';

/** The data model as loaded from schemas/ and checked across files. */
export interface Model {
  objects: CustomObjectDef[];
  deals: DealPropertiesDef;
  associations: AssociationLabelDef[];
  gateRules: GateRules;
  renewals: RenewalSettings;
  deliveryHealth: DeliveryHealthPolicy;
  insights: InsightsSettings;
  playbooks: Playbooks;
  capacity: CapacitySettings;
  /** Where gateRules came from, as messages name it (checks against the portal point at it). */
  gateRulesFile?: string;
  /** Where playbooks came from, likewise. */
  playbooksFile?: string;
}

/** The gate rules' file for messages; models built in code fall back to the default location. */
export const gateRulesFile = (model: Pick<Model, 'gateRulesFile'>): string => model.gateRulesFile ?? 'schemas/gate-rules.json';

/** The service finds objects by role, never by name, so names stay configurable. */
export function objectByRole(model: Pick<Model, 'objects'>, role: ObjectRole): CustomObjectDef {
  const found = model.objects.find((o) => o.role === role);
  if (!found) throw new Error(`The data model has no custom object with role "${role}".`);
  return found;
}

export function dealProperties(model: Pick<Model, 'deals'>): PropertyDef[] {
  return model.deals.groups.flatMap((g) => g.properties);
}
