import type { DeliveryHealthPolicy } from '../model';
import { daysSince } from './days';
import type { SourceRead, TicketInput } from './delivery-inputs';

export interface UrgentTicket {
  subject: string | null;
  daysOpen: number;
}

export interface TicketSummary {
  figures: { open: number; urgent: number } | null;
  /** Open urgent tickets, longest open first. */
  urgent: UrgentTicket[];
  missing: string[];
}

/** Urgent means the priority property holds one of the configured urgent values. */
export function summariseTickets(source: SourceRead<TicketInput>, policy: DeliveryHealthPolicy, now: Date): TicketSummary {
  if (source.status === 'disabled') return { figures: null, urgent: [], missing: [] };
  if (source.status === 'unavailable') {
    return { figures: null, urgent: [], missing: [`Not enough data to say anything about tickets: ${source.reason}`] };
  }
  const urgentValues = new Set(policy.sources.tickets.urgentValues);
  const open = source.records.filter((t) => t.open);
  const urgent = open
    .filter((t) => t.priority !== null && urgentValues.has(t.priority))
    .map((t) => ({ subject: t.subject, daysOpen: daysSince(t.openedAt, now) }))
    .sort((a, b) => b.daysOpen - a.daysOpen);
  return { figures: { open: open.length, urgent: urgent.length }, urgent, missing: [] };
}
