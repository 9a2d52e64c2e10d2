import { Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import type { DeliveryBilling } from '../shared/delivery-card-data';
import { formatMoney } from '../lib/delivery-format';

interface Props {
  billing: DeliveryBilling | null;
  currency: string | null;
  /** Why invoices were not read, from sourceProblem(); null when they were. */
  problem: string | null;
}

/** Billed, outstanding and overdue, from HubSpot's invoices. */
export function BillingStatistics({ billing, currency, problem }: Props) {
  if (!billing) {
    return <Text testId="billing-unknown">Billing: {problem ?? 'no invoices on this deal yet.'}</Text>;
  }
  return (
    <Statistics testId="billing">
      <StatisticsItem label="Billed" number={formatMoney(billing.billed, currency)} testId="billing-billed" />
      <StatisticsItem label="Outstanding" number={formatMoney(billing.outstanding, currency)} testId="billing-outstanding" />
      <StatisticsItem label="Overdue" number={formatMoney(billing.overdue, currency)} testId="billing-overdue">
        {billing.overdue > 0 ? <Text variant="microcopy">Past its due date: chase it</Text> : null}
      </StatisticsItem>
    </Statistics>
  );
}
