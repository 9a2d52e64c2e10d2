import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { AssociatedId, CrmRecord } from '../hubspot/types';

type Links = Map<string, AssociatedId[]>;

/** A company's status record, contracts and deals, as links (three association reads run together). */
export interface CompanyLinks {
  status: Links;
  contracts: Links;
  deals: Links;
}

/**
 * What a caller already read for the same companies, so the sync reads only the rest: their links
 * (the gate reads them beside its scopes and contracts) and records by id (the gate's deals and
 * contracts, with the properties the roll-up uses; companies with `name` and `hubspot_owner_id`).
 */
export interface KnownStatusInputs {
  links?: CompanyLinks;
  contracts?: ReadonlyMap<string, CrmRecord>;
  deals?: ReadonlyMap<string, CrmRecord>;
  companies?: ReadonlyMap<string, CrmRecord>;
}

export const COMPANY_PROPERTIES_FOR_STATUS = ['name', 'hubspot_owner_id'];

export async function readCompanyLinks(
  gateway: CrmGateway,
  types: Pick<PortalTypes, 'customerStatus' | 'contract'>,
  companyIds: string[],
): Promise<CompanyLinks> {
  const [status, contracts, deals] = await Promise.all([
    gateway.associationsOf('companies', types.customerStatus, companyIds),
    gateway.associationsOf('companies', types.contract, companyIds),
    gateway.associationsOf('companies', 'deals', companyIds),
  ]);
  return { status, contracts, deals };
}

/** Reads the records of `ids` that `known` lacks (one batch read, none when all are known). */
export async function readMissing(
  gateway: CrmGateway,
  objectType: string,
  ids: string[],
  properties: string[],
  known: ReadonlyMap<string, CrmRecord> | undefined,
  history: string[] = [],
): Promise<Map<string, CrmRecord>> {
  const out = new Map<string, CrmRecord>();
  const missing: string[] = [];
  for (const id of ids) {
    const record = known?.get(id);
    if (record) out.set(id, record);
    else missing.push(id);
  }
  if (missing.length) for (const [id, r] of await gateway.readMany(objectType, missing, properties, history)) out.set(id, r);
  return out;
}
