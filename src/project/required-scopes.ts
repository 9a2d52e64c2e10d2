import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalSchemaGateway } from '../hubspot/portal-schema';
import { objectScope, schemaScope } from '../hubspot/portal-scopes';

/**
 * Which private-app scope each HubSpot call needs, so extensions/app/app-hsmeta.json can ask for
 * exactly what the service and the scripts use. test/project/scopes.test.ts finds every call in
 * src/ and scripts/ (gateway methods and any direct client call), resolves its object types, maps
 * it with these tables and compares the result with the app's requiredScopes both ways.
 *
 * The tables are typed over the gateways' public methods: adding a method to CrmGateway or
 * PortalSchemaGateway without saying which scope it needs does not compile.
 */

export type { Access } from '../hubspot/portal-scopes';
import type { Access } from '../hubspot/portal-scopes';

export { objectKind, objectScope, type ObjectKind } from '../hubspot/portal-scopes';

export const CUSTOM_SCHEMAS_READ = 'crm.schemas.custom.read';
export const OWNERS_READ = 'crm.objects.owners.read';

/** How a call's scopes follow from its object-type arguments (by position). */
export interface ScopeRule {
  /** Argument positions that hold object types; each needs `access` on its records or schema. */
  objectArgs: number[];
  access: Access;
  /** Object records (crm.objects.*) or their definitions (crm.schemas.*). */
  on: 'records' | 'schema';
  /** Scopes needed whatever the object types. */
  always?: string[];
  /**
   * For association calls: the access needed on every object type after the first (HubSpot
   * checks the target side too, with read access for reads and writes alike).
   */
  otherAccess?: Access;
}

type PublicMethods<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T];
export type CrmGatewayMethod = PublicMethods<CrmGateway>;
export type PortalSchemaMethod = PublicMethods<PortalSchemaGateway>;

/** src/hubspot/crm-gateway.ts: records, associations, search, pipelines, schemas. */
export const CRM_GATEWAY_SCOPES: Record<CrmGatewayMethod, ScopeRule> = {
  readMany: { objectArgs: [0], access: 'read', on: 'records' },
  search: { objectArgs: [0], access: 'read', on: 'records' },
  associationsOf: { objectArgs: [0, 1], access: 'read', on: 'records' },
  updateMany: { objectArgs: [0], access: 'write', on: 'records' },
  archiveMany: { objectArgs: [0], access: 'write', on: 'records' },
  createMany: { objectArgs: [0], access: 'write', on: 'records' },
  create: { objectArgs: [0], access: 'write', on: 'records' },
  update: { objectArgs: [0], access: 'write', on: 'records' },
  pipelines: { objectArgs: [0], access: 'read', on: 'records' },
  associationLabels: { objectArgs: [0, 1], access: 'read', on: 'records' },
  customObjectTypes: { objectArgs: [], access: 'read', on: 'schema', always: [CUSTOM_SCHEMAS_READ] },
  owners: { objectArgs: [], access: 'read', on: 'records', always: [OWNERS_READ] },
};

/**
 * src/hubspot/portal-schema.ts (provisioning): the same scopes its own 403 hints name
 * (`schemaScope` and `labelScope` in src/hubspot/portal-scopes.ts), so a refusal and this list
 * never disagree. Association labels (v4) are record scopes: HubSpot's spec lists only
 * `crm.objects.*` scopes for them, any one of them, read ones included, also for creating a label.
 */
export const PORTAL_SCHEMA_SCOPES: Record<PortalSchemaMethod, ScopeRule> = {
  listObjectSchemas: { objectArgs: [], access: 'read', on: 'schema', always: [CUSTOM_SCHEMAS_READ] },
  listGroups: { objectArgs: [0], access: 'read', on: 'schema' },
  listProperties: { objectArgs: [0], access: 'read', on: 'schema' },
  listLabels: { objectArgs: [0, 1], access: 'read', on: 'records' },
  listPipelines: { objectArgs: [0], access: 'read', on: 'records' },
  createObjectSchema: { objectArgs: [], access: 'write', on: 'schema', always: [schemaScope('custom', 'write')] },
  updateObjectSchema: { objectArgs: [], access: 'write', on: 'schema', always: [schemaScope('custom', 'write')] },
  createObjectAssociation: { objectArgs: [], access: 'write', on: 'schema', always: [schemaScope('custom', 'write')] },
  createGroup: { objectArgs: [0], access: 'write', on: 'schema' },
  updateGroup: { objectArgs: [0], access: 'write', on: 'schema' },
  createProperties: { objectArgs: [0], access: 'write', on: 'schema' },
  updateProperty: { objectArgs: [0], access: 'write', on: 'schema' },
  createLabel: { objectArgs: [0, 1], access: 'read', on: 'records' },
};

/** A HubSpot call found in the code, with the object types its arguments resolve to. */
export interface HubSpotCall {
  rule: ScopeRule;
  /** One list per entry of `rule.objectArgs`: the object types that argument can be. */
  objectTypes: string[][];
}

/** The scopes one call needs. */
export function scopesOfCall(call: HubSpotCall): string[] {
  const { rule } = call;
  const scopes = new Set(rule.always ?? []);
  call.objectTypes.forEach((types, position) => {
    const access = position > 0 && rule.otherAccess ? rule.otherAccess : rule.access;
    for (const type of types) scopes.add(rule.on === 'schema' ? schemaScope(type, access) : objectScope(type, access));
  });
  return [...scopes];
}

/** The scopes a set of calls needs, sorted. */
export function requiredScopes(calls: HubSpotCall[]): string[] {
  return [...new Set(calls.flatMap(scopesOfCall))].sort();
}

/**
 * Direct @hubspot/api-client calls (allowed outside src/hubspot/ only in benchmarks):
 * `client.crm.<api path>.<method>(…)` → the rule for that API. The object-type positions follow
 * the client's signatures.
 */
export function clientCallRule(apiPath: string, method: string): ScopeRule | undefined {
  const writes = /^(create|update|upsert|archive|merge|purge|gdprDelete)/.test(method);
  const access: Access = writes ? 'write' : 'read';
  if (/^objects\.(basicApi|batchApi|searchApi)$/.test(apiPath)) return { objectArgs: [0], access, on: 'records' };
  if (/^(objects\.)?associations\.v4\.(basicApi|batchApi)$/.test(apiPath)) {
    return apiPath.endsWith('basicApi')
      ? { objectArgs: [0, 2], access, on: 'records', otherAccess: 'read' }
      : { objectArgs: [0, 1], access, on: 'records', otherAccess: 'read' };
  }
  if (/^associations\.v4\.schema\.definitionsApi$/.test(apiPath)) return { objectArgs: [0, 1], access, on: 'records' };
  if (/^pipelines\.\w+$/.test(apiPath)) return { objectArgs: [0], access, on: 'records' };
  if (/^owners\.\w+$/.test(apiPath)) return { objectArgs: [], access: 'read', on: 'records', always: [OWNERS_READ] };
  if (/^schemas\.\w+$/.test(apiPath)) return { objectArgs: [], access, on: 'schema', always: [schemaScope('custom', access)] };
  if (/^properties\.\w+$/.test(apiPath)) return { objectArgs: [0], access, on: 'schema' };
  return undefined;
}
