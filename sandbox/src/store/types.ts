/** Shapes of the sandbox's in-memory state. Timestamps are epoch ms; the routes format them. */

export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

export interface PropertyDef {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  hubspotDefined: boolean;
  /** HubSpot computes the value; writes are rejected (READ_ONLY_VALUE). */
  readOnlyValue: boolean;
  calculated: boolean;
  externalOptions: boolean;
  referencedObjectType?: string;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}

export interface PropertyGroupDef {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

export interface HistoryEntry {
  value: string;
  timestamp: number;
  sourceType: string;
  sourceId: string;
  updatedByUserId?: number;
}

export interface ObjectRecord {
  id: string;
  objectTypeId: string;
  /** Current values; a cleared property holds "". */
  properties: Map<string, string>;
  /** Newest first. */
  history: Map<string, HistoryEntry[]>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}

/** Who made a write: the app's token (INTEGRATION) or a user acting through the UI, an import… */
export interface Actor {
  /** History `sourceType`: INTEGRATION, CRM_UI, CRM_UI_BULK_ACTION, IMPORT, AUTOMATION_PLATFORM, API. */
  sourceType: string;
  /** History/webhook `sourceId`: the app id, or `userId:123`. */
  sourceId: string;
  /** Webhook `changeSource`. */
  changeSource: string;
  updatedByUserId?: number;
}

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

/** One direction of an association definition (a "type id"). Every type has an inverse. */
export interface AssociationType {
  typeId: number;
  category: AssociationCategory;
  fromObjectTypeId: string;
  toObjectTypeId: string;
  /** null for the unlabelled default type. */
  label: string | null;
  /** Internal name, e.g. `deal_to_company` (v3 association type names). */
  name: string;
  inverseTypeId: number;
  createdAt: number;
  updatedAt: number;
}

export interface PipelineStageDef {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
  archived: boolean;
  writePermissions?: 'CRM_PERMISSIONS_ENFORCEMENT' | 'READ_ONLY' | 'INTERNAL_ONLY';
  createdAt: number;
  updatedAt: number;
}

export interface PipelineDef {
  id: string;
  objectTypeId: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  stages: PipelineStageDef[];
  createdAt: number;
  updatedAt: number;
}

export interface OwnerDef {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  teams: Array<{ id: string; name: string; primary: boolean }>;
  archived: boolean;
  createdAt: number;
  updatedAt: number;
}

/** What the store tells listeners (webhooks) after a write. */
export interface RecordChange {
  kind: 'creation' | 'deletion' | 'propertyChange';
  objectTypeId: string;
  objectId: string;
  propertyName?: string;
  propertyValue?: string;
  occurredAt: number;
  actor: Actor;
  /** Seeds that bypass the HTTP API may choose not to emit webhooks. */
  emitWebhooks: boolean;
}
