import { Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import type { AccountTotals as Totals } from '../shared/delivery-card-data';
import { NOT_ENOUGH_DATA, formatHours, formatMoney } from '../lib/delivery-format';

const money = (value: number | null, currency: string | null) => (value === null ? '—' : formatMoney(value, currency));

/** The account across every engagement: billed, outstanding, and hours given away (absorbed). */
export function AccountTotals({ totals }: { totals: Totals }) {
  const unbilled = totals.billed === null || totals.outstanding === null;
  return (
    <Statistics testId="account-totals">
      <StatisticsItem label="Billed" number={money(totals.billed, totals.currency)} testId="account-billed">
        {unbilled ? <Text variant="microcopy">{NOT_ENOUGH_DATA}: invoices are not read</Text> : null}
      </StatisticsItem>
      <StatisticsItem label="Outstanding" number={money(totals.outstanding, totals.currency)} testId="account-outstanding" />
      <StatisticsItem label="Absorbed hours" number={formatHours(totals.absorbedHours)} testId="account-absorbed">
        <Text variant="microcopy">Change orders the client did not pay for</Text>
      </StatisticsItem>
    </Statistics>
  );
}
