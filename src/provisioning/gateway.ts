import type {
  CreateOutcome,
  GroupCreateBody,
  GroupUpdateBody,
  LabelCreateBody,
  ObjectSchemaCreateBody,
  ObjectSchemaPatchBody,
  PortalGroup,
  PortalLabel,
  PortalObjectSchema,
  PortalProperty,
  PropertyCreateBody,
  PropertyUpdateBody,
} from '../hubspot/portal-types';
import type { Pipeline } from '../hubspot/types';

/** The reads provisioning needs (implemented by PortalSchemaGateway in src/hubspot/portal-schema.ts). */
export interface PortalReader {
  listObjectSchemas(): Promise<PortalObjectSchema[]>;
  listGroups(objectType: string): Promise<PortalGroup[]>;
  listProperties(objectType: string): Promise<PortalProperty[]>;
  listLabels(from: string, to: string): Promise<PortalLabel[]>;
  listPipelines(objectType: 'deals'): Promise<Pipeline[]>;
}

/** The writes apply makes; creates report 'existed' when HubSpot answers 409. */
export interface PortalWriter {
  createObjectSchema(body: ObjectSchemaCreateBody): Promise<{ outcome: CreateOutcome; schema?: PortalObjectSchema }>;
  updateObjectSchema(objectTypeId: string, body: ObjectSchemaPatchBody): Promise<void>;
  createObjectAssociation(objectTypeId: string, toObjectTypeId: string): Promise<CreateOutcome>;
  createGroup(objectType: string, body: GroupCreateBody): Promise<CreateOutcome>;
  updateGroup(objectType: string, groupName: string, body: GroupUpdateBody): Promise<void>;
  createProperties(objectType: string, bodies: PropertyCreateBody[]): Promise<Map<string, CreateOutcome>>;
  updateProperty(objectType: string, name: string, body: PropertyUpdateBody): Promise<void>;
  createLabel(from: string, to: string, body: LabelCreateBody): Promise<CreateOutcome>;
}

export type ProvisioningGateway = PortalReader & PortalWriter;
