import { readCommitment } from '../commitments/read-commitment';
import type { CrmRecord } from '../hubspot/types';
import type { DeliveryHealthPolicy } from '../model';
import { CHANGE_ORDER_PROPERTIES as CO, SCOPE_DELIVERY_PROPERTIES as SD } from '../model/delivery-properties';
import type {
  ChangeOrderCause,
  ChangeOrderDecision,
  ChangeOrderInput,
  DeliveryInputs,
  DeliveryPhase,
  InvoiceInput,
  ProjectInput,
  ScopeInput,
  SourceRead,
  TicketInput,
} from './delivery-inputs';
import { dateOf, numberOf, oneOf, textOf } from './read-values';

const PHASES: readonly DeliveryPhase[] = ['not_started', 'kickoff', 'in_progress', 'on_hold', 'delivered', 'closed'];
const CAUSES: readonly ChangeOrderCause[] = ['client_request', 'sale_promise', 'missed_dependency', 'estimate_error', 'scope_gap', 'other'];
const DECISIONS: readonly ChangeOrderDecision[] = ['requested', 'billed', 'absorbed', 'rejected'];

/** One deal's records as read, before parsing; a source's records or why there are none. */
export interface DeliveryRecords {
  deal: CrmRecord;
  scope: CrmRecord | undefined;
  changeOrders: CrmRecord[];
  tickets: SourceRead<CrmRecord>;
  invoices: SourceRead<CrmRecord>;
  projects: SourceRead<CrmRecord>;
  /** The deal's promises, when the portal has the Commitment object. */
  commitments?: CrmRecord[];
}

/** Whether a pipeline stage counts as open: tickets by metadata.ticketState, projects by isClosed. */
export type StageIsOpen = (source: 'tickets' | 'projects', pipelineId: string | null, stageId: string | null) => boolean;

const createdAt = (r: CrmRecord, property: string) => dateOf(r.properties[property]) ?? dateOf(r.createdAt) ?? new Date(0);

const mapSource = <T>(source: SourceRead<CrmRecord>, toInput: (r: CrmRecord) => T): SourceRead<T> =>
  source.status === 'read' ? { status: 'read', records: source.records.map(toInput) } : source;

export function toScopeInput(scope: CrmRecord): ScopeInput {
  const p = scope.properties;
  return {
    phase: oneOf(PHASES, p[SD.phase]),
    startDate: dateOf(p[SD.startDate]),
    timelineWeeks: numberOf(p[SD.timelineWeeks]),
    proposalHours: numberOf(p[SD.proposalHours]),
    estimateHours: numberOf(p[SD.estimateHours]),
    hoursLogged: numberOf(p[SD.hoursLogged]),
    hoursRemaining: numberOf(p[SD.hoursRemaining]),
    nextMilestone: textOf(p[SD.nextMilestone]),
    nextMilestoneDate: dateOf(p[SD.nextMilestoneDate]),
    costRatePerHour: numberOf(p[SD.costRate]),
  };
}

export function toChangeOrderInput(co: CrmRecord): ChangeOrderInput {
  const p = co.properties;
  return {
    id: co.id,
    title: textOf(p[CO.title]),
    cause: oneOf(CAUSES, p[CO.cause]),
    hours: numberOf(p[CO.hours]),
    amount: numberOf(p[CO.amount]),
    decision: oneOf(DECISIONS, p[CO.decision]),
    decisionReason: textOf(p[CO.decisionReason]),
    createdAt: createdAt(co, 'hs_createdate'),
  };
}

/** assessDelivery's inputs from the records read; no I/O (pipelines are asked through `isOpen`). */
export function toDeliveryInputs(records: DeliveryRecords, policy: DeliveryHealthPolicy, isOpen: StageIsOpen): DeliveryInputs {
  const { tickets, invoices, projects } = policy.sources;
  const d = records.deal.properties;
  return {
    deal: { amount: numberOf(d.amount), currency: textOf(d.deal_currency_code) },
    scope: records.scope ? toScopeInput(records.scope) : null,
    changeOrders: records.changeOrders.map(toChangeOrderInput),
    ...(records.commitments ? { commitments: records.commitments.map((c) => readCommitment(c.id, c.properties)) } : {}),
    tickets: mapSource(records.tickets, (t): TicketInput => ({
      id: t.id,
      subject: textOf(t.properties.subject),
      open: isOpen('tickets', t.properties[tickets.properties.pipeline] ?? null, t.properties[tickets.properties.stage] ?? null),
      priority: textOf(t.properties[tickets.properties.priority]),
      openedAt: createdAt(t, tickets.properties.openedAt),
    })),
    invoices: mapSource(records.invoices, (i): InvoiceInput => ({
      id: i.id,
      number: textOf(i.properties.hs_number),
      status: textOf(i.properties[invoices.properties.status]),
      amountBilled: numberOf(i.properties[invoices.properties.amountBilled]),
      amountPaid: numberOf(i.properties[invoices.properties.amountPaid]),
      balanceDue: numberOf(i.properties[invoices.properties.balanceDue]),
      dueDate: dateOf(i.properties[invoices.properties.dueDate]),
      currency: textOf(i.properties[invoices.properties.currency]),
    })),
    projects: mapSource(records.projects, (r): ProjectInput => ({
      id: r.id,
      name: textOf(r.properties[projects.properties.name]),
      open: isOpen('projects', r.properties[projects.properties.pipeline] ?? null, r.properties[projects.properties.stage] ?? null),
      dueDate: dateOf(r.properties[projects.properties.dueDate]),
    })),
  };
}
