import type { ChangeOrderInput, DeliveryInputs, InvoiceInput, ScopeInput, TicketInput } from '../../../src/delivery';
import { deliveryHealthSchema } from '../../../src/model/delivery-health-schema';

const DAY = 86_400_000;

/** Kickoff, and a 10-week (70-day) timeline: `now` is day 35, half of it. */
export const START = new Date('2026-10-01T00:00:00Z');
export const NOW = new Date('2026-11-05T00:00:00Z');
export const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * DAY);
export const daysAfter = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

/** Thresholds spelled out here, not read from schemas/, so each test states the numbers it relies on. */
export const policy = {
  portalCurrency: 'EUR',
  ...deliveryHealthSchema.parse({
    thresholds: {
      burnAheadOfTimePoints: 15,
      offTrackBurnPct: 100,
      pendingChangeOrderDays: 7,
      milestoneGraceDays: 0,
      urgentTicketOpenDays: 3,
      invoiceOverdueDays: 30,
    },
    costRate: { defaultPerHour: 80, currency: 'EUR' },
    sources: {
      tickets: {
        enabled: true,
        properties: { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage', priority: 'hs_ticket_priority', openedAt: 'createdate' },
        urgentValues: ['URGENT'],
      },
      invoices: {
        enabled: true,
        properties: {
          status: 'hs_invoice_status',
          amountBilled: 'hs_amount_billed',
          amountPaid: 'hs_amount_paid',
          balanceDue: 'hs_balance_due',
          dueDate: 'hs_due_date',
          currency: 'hs_currency',
        },
        notBilledStatuses: ['draft', 'voided'],
      },
      projects: { enabled: false, properties: { name: 'hs_name', pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage', dueDate: 'hs_target_due_date' } },
    },
  }),
};

/** 400 h sold and estimated at 100/h, 200 h logged at half time: on track by every rule. */
export function scope(overrides: Partial<ScopeInput> = {}): ScopeInput {
  return {
    phase: 'in_progress',
    startDate: START,
    timelineWeeks: 10,
    proposalHours: 400,
    estimateHours: 400,
    hoursLogged: 200,
    hoursRemaining: 200,
    nextMilestone: 'Beta',
    nextMilestoneDate: new Date('2026-12-01T00:00:00Z'),
    costRatePerHour: 100,
    ...overrides,
  };
}

export function changeOrder(overrides: Partial<ChangeOrderInput> = {}): ChangeOrderInput {
  return {
    id: 'co-1',
    title: 'Extra export',
    cause: 'client_request',
    hours: 10,
    amount: 1500,
    decision: 'requested',
    decisionReason: null,
    createdAt: daysBefore(NOW, 1),
    ...overrides,
  };
}

export function ticket(overrides: Partial<TicketInput> = {}): TicketInput {
  return { id: 't-1', subject: 'Login broken', open: true, priority: 'URGENT', openedAt: daysBefore(NOW, 1), ...overrides };
}

export function invoice(overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    id: 'i-1',
    number: 'INV-1001',
    status: 'open',
    amountBilled: 10_000,
    amountPaid: 0,
    balanceDue: 10_000,
    dueDate: daysAfter(NOW, 10),
    currency: 'EUR',
    ...overrides,
  };
}

export function inputs(overrides: Partial<DeliveryInputs> = {}): DeliveryInputs {
  return {
    deal: { amount: 100_000, currency: 'EUR' },
    scope: scope(),
    changeOrders: [],
    tickets: { status: 'read', records: [] },
    invoices: { status: 'read', records: [] },
    projects: { status: 'disabled' },
    ...overrides,
  };
}
