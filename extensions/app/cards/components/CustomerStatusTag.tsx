import { Flex, StatusTag, Text } from '@hubspot/ui-extensions';
import type { CardCustomerStatus } from '../shared/card-data';
import { formatDate } from '../lib/format';
import { customerVariant } from './status-words';

/** The company's Customer Status in one line: the tag, the reason, since when. */
export function CustomerStatusLine({ status, since }: { status: CardCustomerStatus | null; since?: string | null }) {
  if (!status) {
    return <Text testId="customer-status-none">No customer status yet: it starts as Onboarding when a deal with this company passes the close gate.</Text>;
  }
  const when = formatDate(since ?? status.since);
  return (
    <Flex direction="row" gap="sm" align="center" wrap>
      <StatusTag variant={customerVariant(status.status)} testId="customer-status">
        {status.statusLabel ?? 'Not set'}
      </StatusTag>
      {status.reason ? <Text testId="customer-status-reason">{status.reason}</Text> : null}
      {when ? <Text variant="microcopy">since {when}</Text> : null}
    </Flex>
  );
}
