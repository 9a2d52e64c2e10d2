import type { CrmGateway } from './crm-gateway';
import { HubSpotError } from './errors';
import type { AssociationCategory, AssociationTypeRef } from './types';

/** HubSpot's fixed association type ids (the client's AssociationTypes). */
export const ASSOCIATION_TYPES = {
  taskToDeal: 216,
  taskToCompany: 192,
  noteToDeal: 214,
  dealToCompany: 341,
} as const;

export interface CustomObjectNames {
  scope: string;
  contract: string;
  customerStatus: string;
  /** The Commitment (promise) object, when the model has one. */
  commitment?: string;
}

/** Object type ids of this portal's custom objects, and the association type ids between them. */
export interface PortalTypes {
  scope: string;
  contract: string;
  customerStatus: string;
  /** The Commitment object's type id; absent when the model has no commitment object. */
  commitment?: string;
  /** objectTypeId → role, for routing webhook events on custom objects. */
  roleOf: Record<string, keyof CustomObjectNames>;
  customerStatusToCompany: AssociationTypeRef;
  /** Absent when the portal has no task↔contract association; renewal tasks then link deal and company only. */
  taskToContract: AssociationTypeRef | undefined;
}

export class PortalNotProvisionedError extends Error {
  constructor(missing: string[]) {
    super(`The portal lacks Throughline's ${missing.join(', ')}. Run \`npm run provision -- apply\` against it first.`);
    this.name = 'PortalNotProvisionedError';
  }
}

const CATEGORIES: readonly string[] = ['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED'] satisfies AssociationCategory[];

/**
 * The unlabelled (default) association type between two object types, with the category the
 * labels API gives it: for custom objects HubSpot may file it as USER_DEFINED, and a create must
 * send the category the type has.
 */
async function defaultType(gateway: CrmGateway, from: string, to: string): Promise<AssociationTypeRef> {
  const labels = await gateway.associationLabels(from, to);
  const unlabelled = labels.find((l) => !l.label && CATEGORIES.includes(l.category));
  if (!unlabelled) throw new PortalNotProvisionedError([`association ${from}→${to}`]);
  return { typeId: unlabelled.typeId, category: unlabelled.category as AssociationCategory };
}

/**
 * The task↔contract pair may legitimately not exist (undefined); a failure that may pass (429, 5xx,
 * network) must not be cached as "absent" for the life of the process, so it is thrown.
 */
function absentOnlyIfRefused(err: unknown): undefined {
  if (err instanceof PortalNotProvisionedError) return undefined;
  if (err instanceof HubSpotError && !err.isRetryable) return undefined;
  throw err;
}

/** Reads the schemas (one call) and two association definitions; the caller caches the result. */
export async function discoverPortalTypes(gateway: CrmGateway, names: CustomObjectNames): Promise<PortalTypes> {
  const schemas = await gateway.customObjectTypes();
  const find = (name: string) => schemas.find((s) => s.name === name)?.objectTypeId;
  const scope = find(names.scope);
  const contract = find(names.contract);
  const customerStatus = find(names.customerStatus);
  const commitment = names.commitment ? find(names.commitment) : undefined;
  if (!scope || !contract || !customerStatus || (names.commitment && !commitment)) {
    const missing = [names.scope, names.contract, names.customerStatus, ...(names.commitment ? [names.commitment] : [])].filter((n) => !find(n));
    throw new PortalNotProvisionedError(missing.map((m) => `custom object ${m}`));
  }
  const [customerStatusToCompany, taskToContract] = await Promise.all([
    defaultType(gateway, customerStatus, 'companies'),
    defaultType(gateway, 'tasks', contract).catch(absentOnlyIfRefused),
  ]);
  return {
    scope,
    contract,
    customerStatus,
    ...(commitment ? { commitment } : {}),
    roleOf: { [scope]: 'scope', [contract]: 'contract', [customerStatus]: 'customerStatus', ...(commitment ? { [commitment]: 'commitment' as const } : {}) },
    customerStatusToCompany,
    taskToContract,
  };
}
