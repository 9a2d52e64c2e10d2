/** Plain values the rest of the service sees; nothing outside src/hubspot/ knows the client's classes. */
export type Properties = Record<string, string | null>;

export interface HistoryEntry {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

export interface CrmRecord {
  id: string;
  properties: Properties;
  history: Record<string, HistoryEntry[]>;
  createdAt?: string;
  updatedAt?: string;
}

export interface AssociatedId {
  id: string;
  typeIds: number[];
  labels: string[];
}

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

/** An association type as the labels API names it: its id and the category to send with it. */
export interface AssociationTypeRef {
  typeId: number;
  category: AssociationCategory;
}

export interface AssociationInput {
  toId: string;
  typeId: number;
  /** Default HUBSPOT_DEFINED (the fixed types between standard objects). */
  category?: AssociationCategory;
}

export interface CreateInput {
  /**
   * Says which effect this is, the same on every attempt (e.g. `close-gate-task:<deal id>`): sent
   * as objectWriteTraceId to match the result, and what a FindCreated looks for after a failure.
   */
  key: string;
  properties: Properties;
  associations?: AssociationInput[];
}

export interface UpdateInput {
  id: string;
  properties: Properties;
}

export type FilterOperator =
  'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE' | 'BETWEEN' | 'IN' | 'NOT_IN' | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY' | 'CONTAINS_TOKEN' | 'NOT_CONTAINS_TOKEN';

export interface SearchFilter {
  propertyName: string;
  operator: FilterOperator;
  value?: string;
  values?: string[];
  highValue?: string;
}

export interface SearchRequest {
  filterGroups: Array<{ filters: SearchFilter[] }>;
  sorts?: Array<{ propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }>;
  properties?: string[];
  limit?: number;
  after?: string;
}

export interface SearchPage {
  total: number;
  results: CrmRecord[];
  after?: string;
}

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  isClosed: boolean;
  probability: number | undefined;
  /** Ticket pipelines: metadata.ticketState, OPEN or CLOSED. */
  ticketState?: string;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStage[];
}

export interface AssociationLabel {
  typeId: number;
  label: string | null;
  category: string;
}

export interface Owner {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  /** The HubSpot user behind the owner: property history names users by this id. */
  userId?: number;
}
