import { Flex, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import type { CardChangeOrder } from '../shared/delivery-card-data';
import { formatHours, formatMoney } from '../lib/delivery-format';
import { plural } from '../lib/format';
import { DECISION_ORDER, DECISION_WORDS, causeWords } from './delivery-words';

/** Pending first, oldest first within a decision. */
export const sortChangeOrders = (orders: CardChangeOrder[]) =>
  [...orders].sort((a, b) => DECISION_ORDER.indexOf(a.decision) - DECISION_ORDER.indexOf(b.decision) || b.ageDays - a.ageDays);

function total(orders: CardChangeOrder[], decision: CardChangeOrder['decision']) {
  const of = orders.filter((o) => o.decision === decision);
  return { count: of.length, hours: of.reduce((sum, o) => sum + (o.hours ?? 0), 0), amount: of.reduce((sum, o) => sum + (o.amount ?? 0), 0) };
}

/** Billed against absorbed, in one line. */
function summary(orders: CardChangeOrder[], currency: string | null): string {
  const billed = total(orders, 'billed');
  const absorbed = total(orders, 'absorbed');
  const pending = total(orders, 'requested');
  return [
    `Billed: ${plural(billed.count, 'change order')}, ${formatHours(billed.hours)}, ${formatMoney(billed.amount, currency)}`,
    `absorbed: ${plural(absorbed.count, 'change order')}, ${formatHours(absorbed.hours)}`,
    `waiting for a decision: ${pending.count}`,
  ].join('; ');
}

/** Every change order on the deal: pending ones first, billed vs absorbed. */
export function ChangeOrdersTable({ orders, currency }: { orders: CardChangeOrder[]; currency: string | null }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Change orders</Heading>
      {orders.length === 0 ? (
        <Text testId="change-orders-empty">No change orders yet. Log one when the client asks for something the scope does not cover.</Text>
      ) : (
        <>
          <Text testId="change-orders-summary">{summary(orders, currency)}.</Text>
          <Table bordered density="condensed" testId="change-orders">
            <TableHead>
              <TableRow>
                <TableHeader>Change order</TableHeader>
                <TableHeader>Decision</TableHeader>
                <TableHeader>Hours</TableHeader>
                <TableHeader>Amount</TableHeader>
                <TableHeader>Requested</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {sortChangeOrders(orders).map((o) => (
                <TableRow key={o.id}>
                  <TableCell>
                    <Text format={{ fontWeight: 'demibold' }}>{o.title}</Text>
                    <Text variant="microcopy">{causeWords(o.cause, o.causeLabel)}</Text>
                  </TableCell>
                  <TableCell>
                    <Tag variant={DECISION_WORDS[o.decision].variant} testId={`change-order-decision-${o.id}`}>
                      {DECISION_WORDS[o.decision].label}
                    </Tag>
                  </TableCell>
                  <TableCell>{o.hours !== null ? formatHours(o.hours) : '—'}</TableCell>
                  <TableCell>{o.amount !== null ? formatMoney(o.amount, currency) : '—'}</TableCell>
                  <TableCell>{o.ageDays === 0 ? 'today' : `${plural(o.ageDays, 'day')} ago`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Flex>
  );
}
