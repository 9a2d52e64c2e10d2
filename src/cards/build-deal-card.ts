import type { DealEvaluation } from '../gate/gate-service';
import { isFilled } from '../gate/evaluate';
import { addDays, daysBetween, parseHubSpotDate } from '../dates/calendar';
import type { CrmRecord, Properties } from '../hubspot/types';
import { CONTRACT_PROPERTIES as C, CUSTOMER_STATUS_PROPERTIES as S, GATE_PROPERTIES as G, SCOPE_PROPERTIES as SC } from '../model/well-known-properties';
import type { CardContract, CardGate, CardScope, DealCardData, GateStatusShown } from './card-data';
import type { LinkedRecord } from '../gate/types';

export interface DealCardInput {
  evaluation: DealEvaluation;
  handoffFields: Array<{ name: string; label: string }>;
  comparisons: Array<{ label: string; proposal: string; delivery: string }>;
  scopeDisplay: string;
  customerStatus: CrmRecord | undefined;
  companyId: string | undefined;
  objectTypes: { scope: string; contract: string };
  today: string;
}

const text = (p: Properties, name: string) => (isFilled(p[name]) ? p[name]!.trim() : null);
const num = (p: Properties, name: string) => {
  const n = Number(p[name]);
  return isFilled(p[name]) && Number.isFinite(n) ? n : null;
};
const RECORDED: GateStatusShown[] = ['passed', 'blocked', 'overridden', 'not_checked'];

function gate(e: DealEvaluation): CardGate {
  const p = e.loaded.deal.properties;
  const recorded = p[G.status] as GateStatusShown | null;
  const ev = e.evaluation;
  const stageId = p.dealstage ?? '';
  return {
    status: recorded && RECORDED.includes(recorded) ? recorded : 'not_checked',
    checkedAt: text(p, G.checkedAt),
    live: ev?.status ?? null,
    items: (ev?.items ?? []).map(({ key, label, passed, fix }) => ({ key, label, passed, fix })),
    passedCount: ev?.passedCount ?? 0,
    total: ev?.total ?? 0,
    overrideReason: ev?.override?.reason ?? null,
    stageLabel: e.pipeline?.stages.find((s) => s.id === stageId)?.label ?? null,
  };
}

/** The scope the card shows: the approved one if any, else the most recent. */
function pickScope(scopes: LinkedRecord[]): LinkedRecord | undefined {
  return scopes.find((s) => s.properties[SC.approved] === 'true') ?? [...scopes].sort((a, b) => Number(b.id) - Number(a.id))[0];
}

function scope(record: LinkedRecord | undefined, input: DealCardInput): CardScope | null {
  if (!record) return null;
  const p = record.properties;
  return {
    id: record.id,
    name: text(p, input.scopeDisplay) ?? `Scope ${record.id}`,
    status: text(p, SC.status),
    approved: p[SC.approved] === 'true',
    deliverables: text(p, SC.deliverables),
    inScope: text(p, SC.inScope),
    outOfScope: text(p, SC.outOfScope),
    comparisons: input.comparisons.map((c) => {
      const proposal = text(p, c.proposal);
      const delivery = text(p, c.delivery);
      return { label: c.label, proposal, delivery, differs: proposal !== null && delivery !== null && Number(proposal) !== Number(delivery) };
    }),
    discrepancyResolution: text(p, SC.resolution),
  };
}

function contract(records: LinkedRecord[], today: string): CardContract | null {
  const record = records.find((c) => c.properties[C.status] === 'active') ?? records[0];
  if (!record) return null;
  const p = record.properties;
  const renewal = parseHubSpotDate(p[C.renewalDate]);
  const notice = num(p, C.noticeDays);
  const autoRenew = p[C.autoRenew] === 'true';
  return {
    id: record.id,
    name: text(p, C.name) ?? `Contract ${record.id}`,
    status: text(p, C.status),
    startDate: parseHubSpotDate(p[C.startDate]) ?? null,
    termMonths: num(p, C.termMonths),
    renewalDate: renewal ?? null,
    daysToRenewal: renewal ? daysBetween(today, renewal) : null,
    autoRenew,
    noticeDays: notice,
    noticeDeadline: renewal && autoRenew && notice !== null ? addDays(renewal, -notice) : null,
    value: num(p, C.value),
  };
}

/** Pure: the deal card's JSON from what was loaded and evaluated. */
export function buildDealCard(input: DealCardInput): DealCardData {
  const e = input.evaluation;
  const p = e.loaded.deal.properties;
  const stageId = p.dealstage ?? '';
  return {
    deal: {
      id: e.loaded.deal.id,
      name: text(p, 'dealname') ?? `Deal ${e.loaded.deal.id}`,
      stage: e.pipeline?.stages.find((s) => s.id === stageId)?.label ?? (stageId || null),
      pipeline: e.pipeline?.label ?? null,
    },
    gate: gate(e),
    handoff: input.handoffFields.map((f) => ({ ...f, value: text(p, f.name) })),
    scope: scope(pickScope(e.loaded.scopes), input),
    contract: contract(e.loaded.contracts, input.today),
    customerStatus: input.customerStatus
      ? {
          id: input.customerStatus.id,
          status: text(input.customerStatus.properties, S.status),
          reason: text(input.customerStatus.properties, S.reason),
          changedAt: text(input.customerStatus.properties, S.changedAt),
        }
      : null,
    companyId: input.companyId ?? null,
    objectTypes: input.objectTypes,
  };
}
