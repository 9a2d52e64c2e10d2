export { loadModel } from './load-model';
export { objectByRole, dealProperties, gateRulesFile, type Model } from './model';
export { ModelError, formatProblem, type ModelProblem } from './model-error';
export { OBJECT_ROLES, type CustomObjectDef, type ObjectRole } from './object-schema';
export type { PropertyDef, PropertyOptionDef } from './property-schema';
export type { PropertyGroupDef, DealPropertiesDef } from './deal-properties-schema';
export type { AssociationLabelDef } from './association-schema';
export type { GateRules, GateRule, CrossCheck, LinkedRequirement } from './gate-rules-schema';
export type { RenewalSettings } from './renewals-schema';
export type { DeliveryHealthPolicy, DeliveryThresholds } from './delivery-health-schema';
export type { InsightsSettings, HandoffReviewSettings, OutcomeSettings } from './insights-schema';
export { PROPERTY_TYPES, FIELD_TYPES_BY_TYPE, type PropertyType } from './property-types';
export {
  NAME_PATTERN,
  RESERVED_OBJECT_NAMES,
  ASSOCIATED_OBJECTS,
  NATIVE_OBJECT_TYPE_IDS,
  LABEL_NATIVE_ENDS,
  type AssociatedObject,
} from './names';
export type { Playbooks, PlaybookDef, UnitDef, UnitOwner, Deliverable } from './playbooks-schema';
export type { CapacitySettings, TeamCapacity, CapacityException } from './capacity-schema';
