import type { DealEvaluation } from '../gate/gate-service';
import type { CrmRecord } from '../hubspot/types';
import { CUSTOMER_STATUS_PROPERTIES as S, GATE_PROPERTIES as G, SCOPE_PROPERTIES as SC } from '../model/well-known-properties';
import type { LinkedRecord } from '../gate/types';
import { groupMissing } from '../gate/missing-groups';
import { formatDateTime } from '../words/format-words';
import type { CardGate, CardScope, DealCardData, DeliverySection, GateStatusShown } from './card-data';
import { cardContract, dayIn, dealCurrency, labelOf, pickContract, pickScope, text, type StatusLabels } from './card-fields';

export interface DealCardInput {
  evaluation: DealEvaluation;
  handoffFields: Array<{ name: string; label: string }>;
  comparisons: Array<{ label: string; proposal: string; delivery: string }>;
  scopeDisplay: string;
  customerStatus: CrmRecord | undefined;
  companyId: string | undefined;
  objectTypes: { scope: string; contract: string };
  labels: StatusLabels;
  today: string;
  timeZone: string;
  /** The portal's currency, when the deal has no deal_currency_code. */
  currency: string;
  /** The create buttons' labels (src/gate/button-labels.ts). */
  buttons: { addScope: string; addContract: string };
  /** The Delivery section, once the deal passed the gate (the delivery use case's cardSection). */
  delivery?: DeliverySection | null;
}

const RECORDED: GateStatusShown[] = ['passed', 'blocked', 'overridden', 'not_checked'];

function gate(e: DealEvaluation, timeZone: string): CardGate {
  const p = e.loaded.deal.properties;
  const recorded = p[G.status] as GateStatusShown | null;
  const ev = e.evaluation;
  const stageId = p.dealstage ?? '';
  return {
    status: recorded && RECORDED.includes(recorded) ? recorded : 'not_checked',
    checkedAt: text(p, G.checkedAt),
    checkedAtText: formatDateTime(text(p, G.checkedAt), timeZone),
    live: ev?.status ?? null,
    items: (ev?.items ?? []).map(({ key, label, passed, fix }) => ({ key, label, passed, fix })),
    missing: ev ? groupMissing(ev) : [],
    passedCount: ev?.passedCount ?? 0,
    total: ev?.total ?? 0,
    overrideReason: ev?.override?.reason ?? null,
    stageLabel: e.pipeline?.stages.find((s) => s.id === stageId)?.label ?? null,
    mode: e.mode ?? null,
  };
}

function scope(record: LinkedRecord | undefined, input: DealCardInput): CardScope | null {
  if (!record) return null;
  const p = record.properties;
  const status = text(p, SC.status);
  return {
    id: record.id,
    name: text(p, input.scopeDisplay) ?? `Scope ${record.id}`,
    status,
    statusLabel: labelOf(input.labels.scope, status),
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

/** Pure: the deal card's JSON from what was loaded and evaluated. */
export function buildDealCard(input: DealCardInput): DealCardData {
  const e = input.evaluation;
  const p = e.loaded.deal.properties;
  const stageId = p.dealstage ?? '';
  const contract = pickContract(e.loaded.contracts);
  const status = input.customerStatus ? text(input.customerStatus.properties, S.status) : null;
  return {
    deal: {
      id: e.loaded.deal.id,
      name: text(p, 'dealname') ?? `Deal ${e.loaded.deal.id}`,
      stage: e.pipeline?.stages.find((s) => s.id === stageId)?.label ?? (stageId || null),
      pipeline: e.pipeline?.label ?? null,
    },
    gate: gate(e, input.timeZone),
    handoff: input.handoffFields.map((f) => ({ ...f, value: text(p, f.name) })),
    scope: scope(pickScope(e.loaded.scopes), input),
    contract: contract ? cardContract(contract, input.today, input.labels, dealCurrency(e.loaded.deal, input.currency)) : null,
    customerStatus: input.customerStatus
      ? {
          id: input.customerStatus.id,
          status,
          statusLabel: labelOf(input.labels.customerStatus, status),
          reason: text(input.customerStatus.properties, S.reason),
          changedAt: text(input.customerStatus.properties, S.changedAt),
          since: dayIn(input.timeZone, text(input.customerStatus.properties, S.changedAt)),
        }
      : null,
    companyId: input.companyId ?? null,
    objectTypes: input.objectTypes,
    buttons: input.buttons,
    ...(input.delivery ? { delivery: input.delivery } : {}),
  };
}
