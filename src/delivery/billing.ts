import type { DeliveryFigures, DeliveryPolicy } from './assessment';
import { wholeDaysPast } from './days';
import type { InvoiceInput, SourceRead } from './delivery-inputs';
import { knownSum } from './known-sum';
import { count } from './words';

export interface OverdueInvoice {
  /** The invoice number, else its id. */
  number: string;
  balanceDue: number;
  daysOverdue: number;
}

export interface BillingSummary {
  figures: DeliveryFigures['billing'];
  /** Counted invoices with a balance past their due date, most overdue first. */
  overdue: OverdueInvoice[];
  missing: string[];
}

const names = (invoices: InvoiceInput[]) => invoices.map((i) => i.number ?? `invoice ${i.id}`).join(', ');

/**
 * Billed, paid and outstanding over the deal's invoices in its currency, leaving out drafts and
 * voided ones (the configured not-billed statuses). Overdue: a balance due whose date has passed.
 */
export function summariseBilling(source: SourceRead<InvoiceInput>, dealCurrency: string, policy: DeliveryPolicy, now: Date): BillingSummary {
  if (source.status === 'disabled') return { figures: null, overdue: [], missing: [] };
  if (source.status === 'unavailable') {
    return { figures: null, overdue: [], missing: [`Not enough data to say anything about invoices: ${source.reason}`] };
  }
  const missing: string[] = [];
  const notBilled = new Set(policy.sources.invoices.notBilledStatuses);
  const billedInvoices = source.records.filter((i) => i.status === null || !notBilled.has(i.status));
  const inCurrency = billedInvoices.filter((i) => (i.currency ?? policy.portalCurrency) === dealCurrency);
  const foreign = billedInvoices.length - inCurrency.length;
  if (foreign > 0) {
    missing.push(`${count(foreign, 'invoice is', 'invoices are')} left out of the billing figures: not in ${dealCurrency}, and amounts are never converted`);
  }

  const billed = knownSum(inCurrency, (i) => i.amountBilled);
  if (billed.sum === null) missing.push(`Not enough data to say how much is billed: no amount billed on ${names(billed.lacking)}`);
  const paid = knownSum(inCurrency, (i) => i.amountPaid);
  if (paid.sum === null) missing.push(`Not enough data to say how much is paid: no amount paid on ${names(paid.lacking)}`);
  const outstanding = knownSum(inCurrency, (i) => i.balanceDue);
  if (outstanding.sum === null) missing.push(`Not enough data to say what is outstanding: no balance due on ${names(outstanding.lacking)}`);

  const owing = inCurrency.filter((i) => (i.balanceDue ?? 0) > 0);
  const undated = owing.filter((i) => i.dueDate === null);
  if (undated.length > 0) missing.push(`Not enough data to say what is overdue: no due date on ${names(undated)}`);
  const overdue = owing
    .filter((i) => i.dueDate !== null && wholeDaysPast(i.dueDate, now) > 0)
    .map((i) => ({ number: i.number ?? `invoice ${i.id}`, balanceDue: i.balanceDue!, daysOverdue: wholeDaysPast(i.dueDate!, now) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
  const overdueSum = undated.length > 0 ? null : overdue.reduce((total, i) => total + i.balanceDue, 0);

  return { figures: { billed: billed.sum, paid: paid.sum, outstanding: outstanding.sum, overdue: overdueSum }, overdue, missing };
}
