import type { CommitmentInput } from '../commitments/commitment-inputs';
/**
 * What assessDelivery needs about one deal in delivery, already read from HubSpot and parsed:
 * numbers as numbers, dates as Dates, null where the portal has no value. The I/O layer builds it.
 */

export type DeliveryPhase = 'not_started' | 'kickoff' | 'in_progress' | 'on_hold' | 'delivered' | 'closed';
export type ChangeOrderCause = 'client_request' | 'sale_promise' | 'missed_dependency' | 'estimate_error' | 'scope_gap' | 'other';
export type ChangeOrderDecision = 'requested' | 'billed' | 'absorbed' | 'rejected';

export interface DealInput {
  amount: number | null;
  /** deal_currency_code; null means the policy's default currency. */
  currency: string | null;
}

/** The deal's approved Scope, its delivery properties included. */
export interface ScopeInput {
  phase: DeliveryPhase | null;
  /** Kickoff (midnight UTC of the date). */
  startDate: Date | null;
  timelineWeeks: number | null;
  proposalHours: number | null;
  estimateHours: number | null;
  hoursLogged: number | null;
  /** Estimate to complete; null: the margin assumes what is left of the budget. */
  hoursRemaining: number | null;
  nextMilestone: string | null;
  nextMilestoneDate: Date | null;
  /** In the deal's currency; null: the policy's default rate. */
  costRatePerHour: number | null;
}

export interface ChangeOrderInput {
  id: string;
  title: string | null;
  cause: ChangeOrderCause | null;
  hours: number | null;
  /** In the deal's currency. */
  amount: number | null;
  /** null counts as requested (undecided). */
  decision: ChangeOrderDecision | null;
  decisionReason: string | null;
  /** hs_createdate: an undecided change order ages from here. */
  createdAt: Date;
}

export interface TicketInput {
  id: string;
  subject: string | null;
  /** From the ticket pipeline's stage metadata (ticketState OPEN). */
  open: boolean;
  /** The raw value of the configured priority property, e.g. "URGENT". */
  priority: string | null;
  openedAt: Date;
}

export interface InvoiceInput {
  id: string;
  number: string | null;
  /** The raw value of the configured status property, e.g. "open", "paid". */
  status: string | null;
  amountBilled: number | null;
  amountPaid: number | null;
  balanceDue: number | null;
  dueDate: Date | null;
  /** null means the policy's default currency. */
  currency: string | null;
}

export interface ProjectInput {
  id: string;
  name: string | null;
  /** From the project pipeline's stage metadata. */
  open: boolean;
  dueDate: Date | null;
}

/**
 * A HubSpot source as read for this deal: its records, switched off in schemas/delivery-health.json,
 * or not in this portal (403/404 on first use) with the reason to show.
 */
export type SourceRead<T> = { status: 'read'; records: T[] } | { status: 'disabled' } | { status: 'unavailable'; reason: string };

export interface DeliveryInputs {
  deal: DealInput;
  /** null when the deal has no approved scope. */
  scope: ScopeInput | null;
  changeOrders: ChangeOrderInput[];
  tickets: SourceRead<TicketInput>;
  invoices: SourceRead<InvoiceInput>;
  projects: SourceRead<ProjectInput>;
  /** The deal's promises (Commitments); broken and at-risk ones are reasons. Absent: none read. */
  commitments?: CommitmentInput[];
}
