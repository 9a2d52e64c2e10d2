import { ButtonRow, Divider, Flex, Heading } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';
import type { DeliverySection as DeliveryData } from '../shared/delivery-card-data';
import { BillingStatistics } from './BillingStatistics';
import { BurnProgress } from './BurnProgress';
import { ChangeOrdersTable } from './ChangeOrdersTable';
import { DeliveryHealthHeader } from './DeliveryHealthHeader';
import { MarginChart } from './MarginChart';
import { NextMilestoneLine } from './NextMilestoneLine';
import { TicketsList } from './TicketsList';
import { projectsProblem, sourceProblem } from './delivery-words';

interface Props {
  delivery: DeliveryData;
  /** The "Log a change order" button (HubSpot's create form, associated with the deal). */
  logChangeOrder: ReactNode;
}

/** The deal once it is in delivery: health, hours, billing, margin, change orders, tickets, next milestone. */
export function DeliverySection({ delivery, logChangeOrder }: Props) {
  return (
    <Flex direction="column" gap="md" testId="delivery">
      <DeliveryHealthHeader delivery={delivery} />
      <NextMilestoneLine milestone={delivery.nextMilestone} />
      <Heading>Hours and time</Heading>
      <BurnProgress hours={delivery.hours} problem={projectsProblem(delivery.sources)} />
      <Heading>Billing and margin</Heading>
      <BillingStatistics billing={delivery.billing} currency={delivery.currency} problem={sourceProblem(delivery.sources, 'invoices')} />
      <MarginChart margin={delivery.margin} />
      <Divider />
      <ChangeOrdersTable orders={delivery.changeOrders} currency={delivery.currency} />
      <ButtonRow>{logChangeOrder}</ButtonRow>
      <TicketsList tickets={delivery.tickets} problem={sourceProblem(delivery.sources, 'tickets')} />
    </Flex>
  );
}
