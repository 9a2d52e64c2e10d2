import {
  DescriptionList,
  DescriptionListItem,
  EmptyState,
  Flex,
  Heading,
  List,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import type { CardScope } from '../shared/card-data';
import { lines } from '../lib/format';

const orDash = (v: string | null) => v ?? '—';

/** Scope: deliverables, in/out of scope, proposal against delivery side by side, approval. */
export function ScopeSection({ scope, addLabel }: { scope: CardScope | null; addLabel: string }) {
  if (!scope) {
    return (
      <Flex direction="column" gap="sm">
        <Heading>Scope</Heading>
        <EmptyState title="No scope yet" layout="horizontal" imageName="customObjects" testId="scope-empty">
          <Text>
            Delivery needs a Scope on this deal: deliverables, what is in and out, and the timeline and hours they agree to. Use {addLabel} above, then ask
            delivery to approve it.
          </Text>
        </EmptyState>
      </Flex>
    );
  }
  const deliverables = lines(scope.deliverables);
  const differing = scope.comparisons.filter((c) => c.differs);
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Scope: {scope.name}</Heading>
        <StatusTag variant={scope.approved ? 'success' : 'warning'} testId="scope-approval">
          {scope.approved ? 'Approved by delivery' : 'Not approved by delivery yet'}
        </StatusTag>
        {scope.statusLabel ? <Tag testId="scope-status">{scope.statusLabel}</Tag> : null}
      </Flex>
      <DescriptionList direction="column">
        <DescriptionListItem label="Deliverables">
          {deliverables.length ? (
            <List variant="unordered" testId="scope-deliverables">
              {deliverables.map((d) => (
                <Text key={d}>{d}</Text>
              ))}
            </List>
          ) : (
            <Text format={{ italic: true }}>None listed yet</Text>
          )}
        </DescriptionListItem>
        <DescriptionListItem label="In scope">
          <Text>{orDash(scope.inScope)}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Out of scope">
          <Text>{orDash(scope.outOfScope)}</Text>
        </DescriptionListItem>
      </DescriptionList>
      {scope.comparisons.length ? (
        <Table bordered density="condensed" testId="scope-comparison">
          <TableHead>
            <TableRow>
              <TableHeader>What was sold vs what delivery plans</TableHeader>
              <TableHeader>Proposal</TableHeader>
              <TableHeader>Delivery</TableHeader>
              <TableHeader> </TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {scope.comparisons.map((c) => (
              <TableRow key={c.label}>
                <TableCell>{c.label}</TableCell>
                <TableCell>{orDash(c.proposal)}</TableCell>
                <TableCell>{orDash(c.delivery)}</TableCell>
                <TableCell>
                  {c.differs ? (
                    <Tag variant="warning" testId={`differs-${c.label}`}>
                      Differs
                    </Tag>
                  ) : c.proposal !== null && c.delivery !== null ? (
                    <Tag variant="success">Matches</Tag>
                  ) : (
                    <Tag>Not filled in</Tag>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {differing.length ? (
        <Text testId="scope-resolution">
          {scope.discrepancyResolution
            ? `Agreed with the buyer: ${scope.discrepancyResolution}`
            : 'Proposal and delivery disagree and no resolution is recorded: agree it with the buyer and write it on the Scope.'}
        </Text>
      ) : null}
    </Flex>
  );
}
