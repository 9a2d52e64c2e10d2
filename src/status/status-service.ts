import { parseHubSpotDate } from '../dates/calendar';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { HubSpotError } from '../hubspot/errors';
import type { PortalTypes } from '../hubspot/object-types';
import type { CreateInput, CrmRecord, Properties, UpdateInput } from '../hubspot/types';
import { CONTRACT_PROPERTIES as C, CUSTOMER_STATUS_PROPERTIES as S, GATE_PROPERTIES as G } from '../model/well-known-properties';
import { customerStatusKey, findCreatedStatuses } from './find-created-status';
import { settleStatusCopies } from './settle-statuses';
import { computeRollup } from './rollup';
import { COMPANY_PROPERTIES_FOR_STATUS, readCompanyLinks, readMissing, type KnownStatusInputs } from './status-inputs';
import { isCustomerStatus, transition, type AutomaticEvent, type StatusState } from './transitions';

export interface CompanyStatusEvent {
  companyId: string;
  event: AutomaticEvent;
  occurredAt: string;
  reason?: string;
}

export interface StatusDeps {
  gateway: CrmGateway;
  types: Pick<PortalTypes, 'customerStatus' | 'customerStatusToCompany' | 'contract'>;
  /** HUBSPOT_APP_ID: writes by this app count as automation, everything else as a user. */
  appId?: string;
}

export interface StatusChange {
  companyId: string;
  from: string | undefined;
  to: string;
  created: boolean;
}

export interface SyncResult {
  changes: StatusChange[];
  rollupsUpdated: number;
}

/**
 * Who set the current status: HubSpot's own property history says whether this app wrote it last
 * (anything else — the UI, an import, a workflow, another app — is a person's word); when this app
 * did, `status_set_by` says whether for automation or for a person (`npm run status`).
 */
export function currentState(record: CrmRecord, appId: string | undefined): StatusState | undefined {
  const status = record.properties[S.status];
  if (!isCustomerStatus(status)) return undefined;
  const last = (record.history[S.status] ?? [])[0];
  const byThisApp = !last || (last.sourceType === 'INTEGRATION' && (!appId || !last.sourceId || last.sourceId === appId));
  return {
    status,
    changedAt: record.properties[S.changedAt] || last?.timestamp || record.updatedAt || new Date(0).toISOString(),
    setBy: byThisApp && record.properties[S.setBy] !== 'user' ? 'automation' : 'user',
  };
}

/** Folds a company's events (oldest first) through `transition`; undefined when nothing moves. */
function nextStatus(state: StatusState | undefined, events: CompanyStatusEvent[], now: Date) {
  let moved: { status: string; reason: string; changedAt: string } | undefined;
  for (const e of [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))) {
    const r = transition(state, { event: e.event, occurredAt: e.occurredAt }, e.reason, now);
    if (!r.changed) continue;
    state = r.next;
    moved = { status: r.next.status, reason: r.next.reason, changedAt: r.next.changedAt };
  }
  return moved;
}

/**
 * HubSpot refusing a create for a unique value already taken. Unsure which answer it gives for a
 * custom object's unique property (409 CONFLICT as for a contact's email, or a 400 naming the
 * property): both are taken for a duplicate, and only those.
 */
const refusedAsDuplicate = (err: unknown) =>
  err instanceof HubSpotError && (err.status === 409 || (err.status === 400 && JSON.stringify(err.body ?? '').includes(S.companyId)));

const all = (links: Map<string, Array<{ id: string }>>) => [...new Set([...links.values()].flat().map((l) => l.id))];
const pick = (links: Array<{ id: string }> | undefined, records: Map<string, CrmRecord>) => (links ?? []).flatMap((l) => records.get(l.id) ?? []);

/**
 * Keeps each company's Customer Status current in one pass of batch calls: applies automatic
 * events (as `transition` allows: a user's word is respected), creates the record when an event
 * starts it, and refreshes the roll-up (next renewal, engagements). Writes only what changed.
 */
export async function syncCustomerStatuses(
  input: {
    events?: CompanyStatusEvent[];
    companyIds?: string[];
    /** Deals that count as engaged in the roll-up whatever their gate status says yet (passing now). */
    engagedDealIds?: string[];
    /** Contract properties about to be written (a rolled renewal date, an ended contract): the roll-up uses them. */
    contractChanges?: ReadonlyMap<string, Properties>;
    /** What the caller already read for these companies (the gate's batch): not read again. */
    known?: KnownStatusInputs;
    /** Set on the one retry after HubSpot refused a create as a duplicate company id. */
    afterConflict?: boolean;
  },
  deps: StatusDeps,
  now: Date,
): Promise<SyncResult> {
  const events = input.events ?? [];
  const ids = [...new Set([...events.map((e) => e.companyId), ...(input.companyIds ?? [])])];
  if (!ids.length) return { changes: [], rollupsUpdated: 0 };
  const { gateway, types } = deps;
  const known = input.known ?? {};
  const {
    status: statusLinks,
    contracts: contractLinks,
    deals: dealLinks,
  } = known.links && ids.every((id) => known.links!.status.has(id)) ? known.links : await readCompanyLinks(gateway, types, ids);
  // Two statuses on one company (two processes started it at once): the oldest stays, the rest go.
  const archived = await settleStatusCopies(gateway, types.customerStatus, ids, statusLinks);
  const statusOf = (id: string) => statusLinks.get(id)?.find((l) => !archived.has(l.id))?.id;
  const newcomers = ids.filter((id) => !statusOf(id) && events.some((e) => e.companyId === id));
  const none = new Map<string, CrmRecord>();
  const [statuses, contracts, deals, companies] = await Promise.all([
    all(statusLinks).length ? gateway.readMany(types.customerStatus, all(statusLinks), Object.values(S), [S.status]) : none,
    readMissing(gateway, types.contract, all(contractLinks), [C.status, C.renewalDate], known.contracts),
    readMissing(gateway, 'deals', all(dealLinks), [G.status], known.deals),
    readMissing(gateway, 'companies', newcomers, COMPANY_PROPERTIES_FOR_STATUS, known.companies),
  ]);

  const passing = new Set(input.engagedDealIds ?? []);
  const engaged = (d: CrmRecord): CrmRecord => (passing.has(d.id) ? { ...d, properties: { ...d.properties, [G.status]: 'passed' } } : d);
  const changed = (c: CrmRecord): CrmRecord => {
    const change = input.contractChanges?.get(c.id);
    return change ? { ...c, properties: { ...c.properties, ...change } } : c;
  };

  const result: SyncResult = { changes: [], rollupsUpdated: 0 };
  const updates: UpdateInput[] = [];
  const creates: CreateInput[] = [];
  const startedFor: string[] = [];
  for (const id of ids) {
    const record = statusOf(id) ? statuses.get(statusOf(id)!) : undefined;
    const before = record ? currentState(record, deps.appId) : undefined;
    const moved = nextStatus(
      before,
      events.filter((e) => e.companyId === id),
      now,
    );
    const rollup = computeRollup(pick(contractLinks.get(id), contracts).map(changed), pick(dealLinks.get(id), deals).map(engaged));
    const rollupProps = { [S.nextRenewal]: rollup.nextRenewalDate ?? '', [S.engagements]: String(rollup.engagements) };
    const statusProps: Record<string, string> = moved
      ? { [S.status]: moved.status, [S.reason]: moved.reason, [S.changedAt]: moved.changedAt, [S.setBy]: 'automation' }
      : {};
    if (moved) result.changes.push({ companyId: id, from: before?.status, to: moved.status, created: !record });
    if (record) {
      const rollupChanged =
        (parseHubSpotDate(record.properties[S.nextRenewal]) ?? '') !== rollupProps[S.nextRenewal] ||
        String(Number(record.properties[S.engagements] ?? 0)) !== rollupProps[S.engagements];
      if (rollupChanged) result.rollupsUpdated++;
      // A status made before the unique company id existed gets it with its next write.
      const unkeyed = record.properties[S.companyId] !== id;
      if (moved || rollupChanged || unkeyed) updates.push({ id: record.id, properties: { ...statusProps, ...rollupProps, [S.companyId]: id } });
    } else if (moved) {
      const company = companies.get(id);
      startedFor.push(id);
      creates.push({
        key: customerStatusKey(id),
        properties: {
          [S.title]: company?.properties.name || `Company ${id}`,
          [S.companyId]: id,
          ...statusProps,
          ...rollupProps,
          ...(company?.properties.hubspot_owner_id ? { hubspot_owner_id: company.properties.hubspot_owner_id } : {}),
        },
        associations: [{ toId: id, ...types.customerStatusToCompany }],
      });
    }
  }
  if (updates.length) await gateway.updateMany(types.customerStatus, updates);
  if (creates.length) {
    try {
      await gateway.createMany(types.customerStatus, creates, findCreatedStatuses(gateway, types.customerStatus, startedFor));
    } catch (err) {
      // The company id is unique: HubSpot refused the batch because another process started one
      // of these statuses since the read. Read them again and update (or create what is still missing).
      if (!refusedAsDuplicate(err) || input.afterConflict) throw err;
      const again = await syncCustomerStatuses(
        { ...input, events: events.filter((e) => startedFor.includes(e.companyId)), companyIds: startedFor, known: {}, afterConflict: true },
        deps,
        now,
      );
      const restarted = new Set(startedFor);
      result.changes = [...result.changes.filter((c) => !restarted.has(c.companyId)), ...again.changes];
      result.rollupsUpdated += again.rollupsUpdated;
    }
  }
  return result;
}
