import type { AssociationLabelDef } from './association-schema';
import type { CapacitySettings } from './capacity-schema';
import type { DealPropertiesDef } from './deal-properties-schema';
import type { DeliveryHealthPolicy } from './delivery-health-schema';
import type { GateRules } from './gate-rules-schema';
import type { InsightsSettings } from './insights-schema';
import type { CustomObjectDef } from './object-schema';
import type { Playbooks } from './playbooks-schema';
import type { RenewalSettings } from './renewals-schema';

export interface Sourced<T> {
  /** The file as shown in messages, e.g. schemas/objects/delivery-scope.json. */
  file: string;
  value: T;
}

/** The files of schemas/ that parsed; a part that did not is absent, and checks on it are skipped. */
export interface ModelParts {
  objectsDir: string;
  /** False when some object file failed to parse: "no object has role …" would then mislead. */
  allObjectsParsed: boolean;
  objects: Sourced<CustomObjectDef>[];
  deals?: Sourced<DealPropertiesDef>;
  associations?: Sourced<{ labels: AssociationLabelDef[] }>;
  gateRules?: Sourced<GateRules>;
  renewals?: Sourced<RenewalSettings>;
  deliveryHealth?: Sourced<DeliveryHealthPolicy>;
  insights?: Sourced<InsightsSettings>;
  playbooks?: Sourced<Playbooks>;
  capacity?: Sourced<CapacitySettings>;
}
