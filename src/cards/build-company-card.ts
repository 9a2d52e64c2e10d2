import { parseHubSpotDate, todayIn, type CalendarDate } from '../dates/calendar';
import { accountTotals, engagementDelivery, type DeliveryLabels } from '../delivery/delivery-card-section';
import type { CrmRecord, HistoryEntry, Pipeline } from '../hubspot/types';
import {
  CONTRACT_PROPERTIES as C,
  CUSTOMER_STATUS_PROPERTIES as S,
  GATE_PROPERTIES as G,
  OPEN_CONTRACT_STATUSES,
  SCOPE_PROPERTIES as SC,
} from '../model/well-known-properties';
import type { CompanyCardData, CompanyStatus, Engagement, GateStatusShown, NextRenewal, RenewalTask, StatusChange } from './card-data';
import { cardContract, dayIn, dealCurrency, labelOf, pickContract, pickScope, text, type StatusLabels } from './card-fields';

/** What the company card loader read, in batch calls; everything else here is pure. */
export interface CompanyCardInput {
  company: CrmRecord;
  customerStatus: CrmRecord | undefined;
  deals: Array<{ deal: CrmRecord; scopes: CrmRecord[]; contracts: CrmRecord[] }>;
  /** Contracts linked to the company itself (renewals may have no deal). */
  companyContracts: CrmRecord[];
  tasks: CrmRecord[];
  pipelines: Pipeline[];
  scopeDisplay: string;
  labels: StatusLabels;
  objectTypes: { scope: string; contract: string; customerStatus: string };
  /** Subject prefix of the renewal tasks Throughline creates. */
  renewalMarker: string;
  appId: string | undefined;
  timeZone: string;
  /** The portal's currency, for contracts whose deal names none. */
  currency: string;
  now: Date;
  /** With them, each engagement's delivery health and margin and the account's totals (from the deals' roll-up). */
  deliveryLabels?: DeliveryLabels;
}

export const HISTORY_SHOWN = 5;
const GATE_STATUSES: GateStatusShown[] = ['passed', 'blocked', 'overridden', 'not_checked'];

/** Who changed a property, in words: from HubSpot's history `sourceType` / `sourceId`. */
export function changedBy(entry: Pick<HistoryEntry, 'sourceType' | 'sourceId'>, appId: string | undefined): string {
  switch (entry.sourceType) {
    case 'INTEGRATION':
      return appId && entry.sourceId === appId ? 'Throughline' : 'an integration';
    case 'CRM_UI':
    case 'CRM_UI_BULK_ACTION':
    case 'MOBILE_IOS':
    case 'MOBILE_ANDROID':
      return 'a user';
    case 'AUTOMATION_PLATFORM':
    case 'WORKFLOWS':
      return 'a workflow';
    case 'IMPORT':
      return 'an import';
    case 'API':
      return 'the API';
    default:
      return entry.sourceType ? entry.sourceType.toLowerCase().replace(/_/g, ' ') : 'unknown';
  }
}

function customerStatus(input: CompanyCardInput): CompanyStatus | null {
  const record = input.customerStatus;
  if (!record) return null;
  const p = record.properties;
  const status = text(p, S.status);
  const history: StatusChange[] = (record.history[S.status] ?? [])
    .filter((h) => h.value)
    .slice(0, HISTORY_SHOWN)
    .map((h) => ({
      status: h.value,
      statusLabel: labelOf(input.labels.customerStatus, h.value)!,
      at: h.timestamp,
      date: dayIn(input.timeZone, h.timestamp),
      by: changedBy(h, input.appId),
    }));
  const changedAt = text(p, S.changedAt);
  const current = history.find((h) => h.status === status);
  return {
    id: record.id,
    status,
    statusLabel: labelOf(input.labels.customerStatus, status),
    reason: text(p, S.reason),
    changedAt,
    since: dayIn(input.timeZone, changedAt) ?? dayIn(input.timeZone, current?.at),
    history,
  };
}

function engagement(item: CompanyCardInput['deals'][number], input: CompanyCardInput, today: CalendarDate): Engagement {
  const p = item.deal.properties;
  const recorded = p[G.status] as GateStatusShown | null;
  const stageId = p.dealstage ?? '';
  const pipeline = input.pipelines.find((x) => x.id === p.pipeline) ?? input.pipelines.find((x) => x.stages.some((s) => s.id === stageId));
  const scope = pickScope(item.scopes);
  const contract = pickContract(item.contracts);
  const scopeStatus = scope ? text(scope.properties, SC.status) : null;
  return {
    dealId: item.deal.id,
    dealName: text(p, 'dealname') ?? `Deal ${item.deal.id}`,
    stage: pipeline?.stages.find((s) => s.id === stageId)?.label ?? (stageId || null),
    gateStatus: recorded && GATE_STATUSES.includes(recorded) ? recorded : 'not_checked',
    scope: scope
      ? {
          id: scope.id,
          name: text(scope.properties, input.scopeDisplay) ?? `Scope ${scope.id}`,
          status: scopeStatus,
          statusLabel: labelOf(input.labels.scope, scopeStatus),
          approved: scope.properties[SC.approved] === 'true',
        }
      : null,
    contract: contract ? cardContract(contract, today, input.labels, dealCurrency(item.deal, input.currency)) : null,
    ...(input.deliveryLabels ? { delivery: engagementDelivery(item.deal, input.deliveryLabels) } : {}),
  };
}

/** The earliest renewal among active or renewing contracts, across every engagement and the company. */
function nextRenewal(input: CompanyCardInput, today: CalendarDate): NextRenewal | null {
  const byId = new Map<string, { record: CrmRecord; dealId: string | null; currency: string }>();
  for (const c of input.companyContracts) byId.set(c.id, { record: c, dealId: null, currency: input.currency });
  for (const d of input.deals) for (const c of d.contracts) byId.set(c.id, { record: c, dealId: d.deal.id, currency: dealCurrency(d.deal, input.currency) });
  const candidates = [...byId.values()]
    .filter(({ record }) => OPEN_CONTRACT_STATUSES.includes(record.properties[C.status] ?? '') && parseHubSpotDate(record.properties[C.renewalDate]))
    .map(({ record, dealId, currency }) => ({ contract: cardContract(record, today, input.labels, currency), dealId }))
    .sort((a, b) => a.contract.renewalDate!.localeCompare(b.contract.renewalDate!) || Number(a.contract.id) - Number(b.contract.id));
  const first = candidates[0];
  if (!first) return null;
  const c = first.contract;
  return {
    date: c.renewalDate!,
    daysToRenewal: c.daysToRenewal!,
    contractId: c.id,
    contractName: c.name,
    dealId: first.dealId,
    autoRenew: c.autoRenew,
    noticeDeadline: c.noticeDeadline,
  };
}

function renewalTasks(input: CompanyCardInput): RenewalTask[] {
  return input.tasks
    .filter((t) => (t.properties.hs_task_subject ?? '').startsWith(input.renewalMarker) && t.properties.hs_task_status !== 'COMPLETED')
    .map((t) => ({
      id: t.id,
      subject: t.properties.hs_task_subject!.slice(input.renewalMarker.length).trim(),
      dueDate: parseHubSpotDate(t.properties.hs_timestamp) ?? null,
      status: text(t.properties, 'hs_task_status'),
      ownerId: text(t.properties, 'hubspot_owner_id'),
    }))
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || Number(a.id) - Number(b.id));
}

/** Pure: the company card's JSON from what was loaded. */
export function buildCompanyCard(input: CompanyCardInput): CompanyCardData {
  const today = todayIn(input.timeZone, input.now);
  return {
    company: { id: input.company.id, name: text(input.company.properties, 'name') ?? `Company ${input.company.id}` },
    customerStatus: customerStatus(input),
    engagements: input.deals.map((d) => engagement(d, input, today)).sort((a, b) => Number(b.dealId) - Number(a.dealId)),
    nextRenewal: nextRenewal(input, today),
    renewalTasks: renewalTasks(input),
    ...(input.deliveryLabels
      ? {
          accountTotals: accountTotals(
            input.deals.map((d) => d.deal),
            input.currency,
          ),
        }
      : {}),
    objectTypes: input.objectTypes,
    today,
  };
}

export const COMPANY_CARD_CONTRACT_PROPERTIES = [C.name, C.status, C.startDate, C.termMonths, C.renewalDate, C.autoRenew, C.noticeDays, C.value];
