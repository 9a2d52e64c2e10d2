import type { Client } from '@hubspot/api-client';
import type { ObjectSchemaEgg, ObjectTypeDefinitionPatch } from '@hubspot/api-client/lib/codegen/crm/schemas';
import type { PropertyCreate, PropertyUpdate } from '@hubspot/api-client/lib/codegen/crm/properties';
import { toPipeline } from './convert';
import { HubSpotError } from './errors';
import { toPortalGroup, toPortalLabel, toPortalObjectSchema, toPortalProperty } from './portal-convert';
import { createPropertiesInBatches } from './portal-property-batch';
import { labelScopes, schemaScope, withScopeHint } from './portal-scopes';
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
} from './portal-types';
import type { Pipeline } from './types';
import { withRetry, type RetryPolicy } from './retry';

/**
 * The gateway provisioning uses to read and change the portal's data model: custom object schemas,
 * property groups, properties and association labels. Every call goes through withRetry; a 403
 * names the scope to add; a create answered with 409 reports 'existed' instead of failing.
 */
export class PortalSchemaGateway {
  constructor(
    private readonly client: Client,
    private readonly retry: RetryPolicy,
  ) {}

  private async call<T>(operation: string, scopes: string[], fn: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(operation, fn, this.retry);
    } catch (err) {
      throw err instanceof HubSpotError ? withScopeHint(err, scopes) : err;
    }
  }

  private async create(operation: string, scopes: string[], fn: () => Promise<unknown>): Promise<CreateOutcome> {
    try {
      await this.call(operation, scopes, fn);
      return 'created';
    } catch (err) {
      if (err instanceof HubSpotError && err.status === 409) return 'existed';
      throw err;
    }
  }

  async listObjectSchemas(): Promise<PortalObjectSchema[]> {
    const res = await this.call('reading custom object schemas', [schemaScope('custom', 'read')], () => this.client.crm.schemas.coreApi.getAll());
    return res.results.map(toPortalObjectSchema);
  }

  async listGroups(objectType: string): Promise<PortalGroup[]> {
    const res = await this.call(`reading property groups of ${objectType}`, [schemaScope(objectType, 'read')], () =>
      this.client.crm.properties.groupsApi.getAll(objectType),
    );
    return res.results.map(toPortalGroup);
  }

  async listProperties(objectType: string): Promise<PortalProperty[]> {
    const res = await this.call(`reading properties of ${objectType}`, [schemaScope(objectType, 'read')], () =>
      this.client.crm.properties.coreApi.getAll(objectType),
    );
    return res.results.map(toPortalProperty);
  }

  /** Deal pipelines, so gate rules can be checked against the stages that exist. */
  async listPipelines(objectType: 'deals'): Promise<Pipeline[]> {
    const res = await this.call(`reading ${objectType} pipelines`, [`crm.objects.${objectType}.read`], () =>
      this.client.crm.pipelines.pipelinesApi.getAll(objectType),
    );
    return res.results.map(toPipeline);
  }

  async listLabels(from: string, to: string): Promise<PortalLabel[]> {
    const res = await this.call(`reading association labels ${from} → ${to}`, labelScopes(from, to), () =>
      this.client.crm.associations.v4.schema.definitionsApi.getAll(from, to),
    );
    return res.results.map(toPortalLabel);
  }

  /** Creates a custom object with its properties and associations; 'existed' when HubSpot has it already. */
  async createObjectSchema(body: ObjectSchemaCreateBody): Promise<{ outcome: CreateOutcome; schema?: PortalObjectSchema }> {
    let created: PortalObjectSchema | undefined;
    const outcome = await this.create(`creating custom object ${body.name}`, [schemaScope('custom', 'write')], async () => {
      created = toPortalObjectSchema(await this.client.crm.schemas.coreApi.create(body as unknown as ObjectSchemaEgg));
    });
    return created ? { outcome, schema: created } : { outcome };
  }

  async updateObjectSchema(objectTypeId: string, body: ObjectSchemaPatchBody): Promise<void> {
    await this.call(`updating custom object ${objectTypeId}`, [schemaScope('custom', 'write')], () =>
      this.client.crm.schemas.coreApi.update(objectTypeId, body as ObjectTypeDefinitionPatch),
    );
  }

  async createObjectAssociation(objectTypeId: string, toObjectTypeId: string): Promise<CreateOutcome> {
    return this.create(`associating ${objectTypeId} with ${toObjectTypeId}`, [schemaScope('custom', 'write')], () =>
      this.client.crm.schemas.coreApi.createAssociation(objectTypeId, { fromObjectTypeId: objectTypeId, toObjectTypeId }),
    );
  }

  async createGroup(objectType: string, body: GroupCreateBody): Promise<CreateOutcome> {
    return this.create(`creating property group ${objectType}.${body.name}`, [schemaScope(objectType, 'write')], () =>
      this.client.crm.properties.groupsApi.create(objectType, body),
    );
  }

  async updateGroup(objectType: string, groupName: string, body: GroupUpdateBody): Promise<void> {
    await this.call(`updating property group ${objectType}.${groupName}`, [schemaScope(objectType, 'write')], () =>
      this.client.crm.properties.groupsApi.update(objectType, groupName, body),
    );
  }

  /** batch/create in chunks; per property: created, or existed (409 or "already exists" in a 207). */
  async createProperties(objectType: string, bodies: PropertyCreateBody[]): Promise<Map<string, CreateOutcome>> {
    const scopes = [schemaScope(objectType, 'write')];
    return createPropertiesInBatches(objectType, bodies, {
      batch: (part) =>
        this.call(`creating ${part.length} properties on ${objectType}`, scopes, () =>
          this.client.crm.properties.batchApi.create(objectType, { inputs: part as unknown as PropertyCreate[] }),
        ),
      one: (body) =>
        this.create(`creating property ${objectType}.${body.name}`, scopes, () =>
          this.client.crm.properties.coreApi.create(objectType, body as unknown as PropertyCreate),
        ),
    });
  }

  async updateProperty(objectType: string, name: string, body: PropertyUpdateBody): Promise<void> {
    await this.call(`updating property ${objectType}.${name}`, [schemaScope(objectType, 'write')], () =>
      this.client.crm.properties.coreApi.update(objectType, name, body as PropertyUpdate),
    );
  }

  async createLabel(from: string, to: string, body: LabelCreateBody): Promise<CreateOutcome> {
    return this.create(`creating association label "${body.label}" ${from} → ${to}`, labelScopes(from, to), () =>
      this.client.crm.associations.v4.schema.definitionsApi.create(from, to, body),
    );
  }
}
