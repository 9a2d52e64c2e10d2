import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { CreateInput, CrmRecord, UpdateInput } from '../hubspot/types';
import { CUSTOMER_STATUS_PROPERTIES as S } from '../model/well-known-properties';
import { isCustomerStatus, transition, type AutomaticEvent, type StatusState } from './transitions';

export interface CompanyStatusEvent {
  companyId: string;
  event: AutomaticEvent;
  occurredAt: string;
  reason?: string;
}

export interface StatusDeps {
  gateway: CrmGateway;
  types: Pick<PortalTypes, 'customerStatus' | 'customerStatusToCompany'>;
  /** HUBSPOT_APP_ID: writes by this app count as automation, everything else as a user. */
  appId?: string;
}

export interface StatusChange {
  companyId: string;
  from: string | undefined;
  to: string;
  created: boolean;
}

/** Who set the current status, from HubSpot's own property history (newest first). */
export function currentState(record: CrmRecord, appId: string | undefined): StatusState | undefined {
  const status = record.properties[S.status];
  if (!isCustomerStatus(status)) return undefined;
  const last = (record.history[S.status] ?? [])[0];
  const automation = last?.sourceType === 'INTEGRATION' && (!appId || !last.sourceId || last.sourceId === appId);
  return {
    status,
    changedAt: record.properties[S.changedAt] || last?.timestamp || record.updatedAt || new Date(0).toISOString(),
    setBy: !last || automation ? 'automation' : 'user',
  };
}

const STATUS_READ = [S.title, S.status, S.reason, S.changedAt];

/**
 * Applies automatic events to companies' Customer Status in batches: one record per company,
 * created when missing, moved only as `transition` allows (a user's word is respected).
 */
export async function applyStatusEvents(events: CompanyStatusEvent[], deps: StatusDeps, now: Date): Promise<StatusChange[]> {
  if (!events.length) return [];
  const { gateway, types } = deps;
  const companyIds = [...new Set(events.map((e) => e.companyId))];
  const links = await gateway.associationsOf('companies', types.customerStatus, companyIds);
  const statusIds = [...links.values()].flatMap((l) => (l[0] ? [l[0].id] : []));
  const records = statusIds.length ? await gateway.readMany(types.customerStatus, statusIds, STATUS_READ, [S.status]) : new Map<string, CrmRecord>();

  const changes: StatusChange[] = [];
  const updates: UpdateInput[] = [];
  const creates: Array<{ companyId: string; properties: Record<string, string> }> = [];
  const state = new Map<string, StatusState | undefined>();
  for (const id of companyIds) {
    const recordId = links.get(id)?.[0]?.id;
    const record = recordId ? records.get(recordId) : undefined;
    state.set(id, record ? currentState(record, deps.appId) : undefined);
  }
  const sorted = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const final = new Map<string, { to: string; reason: string; changedAt: string; from: string | undefined }>();
  for (const e of sorted) {
    const before = state.get(e.companyId);
    const r = transition(before, { event: e.event, occurredAt: e.occurredAt }, e.reason, now);
    if (!r.changed) continue;
    state.set(e.companyId, r.next);
    const from = final.get(e.companyId)?.from ?? before?.status;
    final.set(e.companyId, { to: r.next.status, reason: r.next.reason, changedAt: r.next.changedAt, from });
  }
  for (const [companyId, f] of final) {
    const properties = { [S.status]: f.to, [S.reason]: f.reason, [S.changedAt]: f.changedAt };
    const recordId = links.get(companyId)?.[0]?.id;
    if (recordId) updates.push({ id: recordId, properties });
    else creates.push({ companyId, properties });
    changes.push({ companyId, from: f.from, to: f.to, created: !recordId });
  }
  if (updates.length) await gateway.updateMany(types.customerStatus, updates);
  if (creates.length) {
    const companies = await gateway.readMany('companies', creates.map((c) => c.companyId), ['name', 'hubspot_owner_id']);
    const inputs: CreateInput[] = creates.map((c) => {
      const company = companies.get(c.companyId);
      return {
        properties: {
          [S.title]: company?.properties.name || `Company ${c.companyId}`,
          ...c.properties,
          ...(company?.properties.hubspot_owner_id ? { hubspot_owner_id: company.properties.hubspot_owner_id } : {}),
        },
        associations: [{ toId: c.companyId, typeId: types.customerStatusToCompany }],
      };
    });
    await gateway.createMany(types.customerStatus, inputs);
  }
  return changes;
}
