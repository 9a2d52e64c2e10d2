/**
 * Plain values for the portal's data model (schemas, groups, properties, association labels) and
 * the bodies provisioning sends. Nothing outside src/hubspot/ sees the client's classes.
 */

export interface PortalOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
}

export interface PortalProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description: string;
  options: PortalOption[];
  hubspotDefined: boolean;
}

export interface PortalGroup {
  name: string;
  label: string;
  displayOrder: number;
}

export interface PortalAssociationDefinition {
  id: string;
  fromObjectTypeId: string;
  toObjectTypeId: string;
  name?: string;
}

export interface PortalObjectSchema {
  name: string;
  objectTypeId: string;
  fullyQualifiedName: string;
  labels: { singular: string; plural: string };
  description: string;
  primaryDisplayProperty: string;
  secondaryDisplayProperties: string[];
  searchableProperties: string[];
  requiredProperties: string[];
  associations: PortalAssociationDefinition[];
}

export interface PortalLabel {
  typeId: number;
  label: string | null;
  category: string;
}

export interface OptionBody {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

export interface PropertyCreateBody {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  /** Omitted inside a schema create: HubSpot puts those properties in `{name}_information`. */
  groupName?: string;
  description?: string;
  options?: OptionBody[];
  hasUniqueValue?: boolean;
  formField?: boolean;
}

export interface PropertyUpdateBody {
  label?: string;
  /** Only between field types that keep stored values valid (text ↔ textarea, select ↔ radio). */
  fieldType?: string;
  description?: string;
  groupName?: string;
  /** The full list: HubSpot replaces the options with what is sent. */
  options?: OptionBody[];
}

export interface GroupCreateBody {
  name: string;
  label: string;
  displayOrder?: number;
}

export interface GroupUpdateBody {
  label?: string;
  displayOrder?: number;
}

export interface ObjectSchemaCreateBody {
  name: string;
  labels: { singular: string; plural: string };
  description?: string;
  primaryDisplayProperty: string;
  secondaryDisplayProperties: string[];
  searchableProperties: string[];
  requiredProperties: string[];
  associatedObjects: string[];
  properties: PropertyCreateBody[];
}

export interface ObjectSchemaPatchBody {
  labels?: { singular: string; plural: string };
  description?: string;
  primaryDisplayProperty?: string;
  secondaryDisplayProperties?: string[];
  searchableProperties?: string[];
  requiredProperties?: string[];
}

export interface LabelCreateBody {
  name: string;
  label: string;
  inverseLabel?: string;
}

/** A create that HubSpot answered with 409 was already done (a racing or interrupted run). */
export type CreateOutcome = 'created' | 'existed';
