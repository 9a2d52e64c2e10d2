import { Flex, Heading, List, Tag, Text } from '@hubspot/ui-extensions';
import type { DeliveryTickets } from '../shared/delivery-card-data';
import { plural } from '../lib/format';
import { priorityWords } from './delivery-words';

/** Open tickets linked to the deal (HubSpot's help desk): how many, how many urgent, the oldest listed. */
export function TicketsList({ tickets, problem }: { tickets: DeliveryTickets | null; problem: string | null }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Open tickets</Heading>
      {!tickets ? (
        <Text testId="tickets-unknown">{problem ?? 'Tickets are not read for this deal.'}</Text>
      ) : tickets.open === 0 ? (
        <Text testId="tickets-none">No open tickets.</Text>
      ) : (
        <>
          <Text testId="tickets-count">
            {plural(tickets.open, 'open ticket')}
            {tickets.urgent > 0 ? `, ${tickets.urgent} urgent` : ''}
          </Text>
          {tickets.items.length > 0 ? (
            <List variant="unordered-styled" testId="tickets">
              {tickets.items.map((t) => (
                <Flex key={t.id} direction="row" gap="xs" align="center">
                  <Text>{t.subject}</Text>
                  <Tag variant={t.priority === 'URGENT' || t.priority === 'HIGH' ? 'error' : 'default'} testId={`ticket-priority-${t.id}`}>
                    {priorityWords(t.priority)}
                  </Tag>
                  <Text variant="microcopy">open {plural(t.openDays, 'day')}</Text>
                </Flex>
              ))}
            </List>
          ) : null}
        </>
      )}
    </Flex>
  );
}
