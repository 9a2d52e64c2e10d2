import { ButtonRow, Flex, Heading, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag, Text } from '@hubspot/ui-extensions';
import type { ReactNode } from 'react';
import type { CardCommitment, CommitmentsSection as CommitmentsData } from '../shared/promises-card-data';
import { formatDate, plural } from '../lib/format';
import { COMMITMENT_STATUS_ORDER, COMMITMENT_STATUS_WORDS, howWords } from './promise-words';

export const sortCommitments = (items: CardCommitment[]) =>
  [...items].sort((a, b) => COMMITMENT_STATUS_ORDER.indexOf(a.status) - COMMITMENT_STATUS_ORDER.indexOf(b.status));

function scopeWords(c: CardCommitment): { text: string; variant: 'default' | 'warning' | 'success' } {
  if (c.inSignedScope === null) return { text: 'In the signed scope? Not said', variant: 'warning' };
  if (c.inSignedScope) return { text: 'In the signed scope', variant: 'default' };
  if (c.scopeDecision) return { text: `Outside the scope: ${c.scopeDecisionLabel ?? c.scopeDecision}`, variant: 'success' };
  return { text: 'Outside the scope, not decided', variant: 'warning' };
}

const who = (c: CardCommitment) =>
  [howWords(c.how, c.howLabel), c.toWhom ? `to ${c.toWhom}` : null, c.byWhom ? `by ${c.byWhom}` : null].filter(Boolean).join(', ');

/** The promises made during the sale: what, to whom, how, in scope or not, and how delivery sees them. */
export function CommitmentsSection({ commitments, addPromise }: { commitments: CommitmentsData; addPromise: ReactNode }) {
  const { items } = commitments;
  const broken = items.filter((c) => c.status === 'broken').length;
  const atRisk = items.filter((c) => c.status === 'at_risk').length;
  return (
    <Flex direction="column" gap="sm" testId="commitments">
      <Heading>Promises made during the sale</Heading>
      {items.length === 0 ? (
        <Text testId="commitments-empty">
          No promise recorded yet. Add each one you make (a start date, an extra, a workaround said on a call), so delivery can keep it. Use{' '}
          {commitments.addLabel} below.
        </Text>
      ) : (
        <>
          <Text testId="commitments-summary">
            {plural(items.length, 'promise')}
            {broken ? `, ${broken} broken` : ''}
            {atRisk ? `, ${atRisk} at risk` : ''}.
          </Text>
          <Table bordered density="condensed" testId="commitments-table">
            <TableHead>
              <TableRow>
                <TableHeader>Promise</TableHeader>
                <TableHeader>Scope</TableHeader>
                <TableHeader>Due</TableHeader>
                <TableHeader>Status</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {sortCommitments(items).map((c) => {
                const scope = scopeWords(c);
                const status = COMMITMENT_STATUS_WORDS[c.status];
                return (
                  <TableRow key={c.id}>
                    <TableCell>
                      <Text format={{ fontWeight: 'demibold' }}>{c.title}</Text>
                      <Text variant="microcopy">{who(c)}</Text>
                      {c.deliveryNote ? (
                        <Text variant="microcopy" testId={`commitment-note-${c.id}`}>
                          Delivery: {c.deliveryNote}
                        </Text>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <Tag variant={scope.variant} testId={`commitment-scope-${c.id}`}>
                        {scope.text}
                      </Tag>
                    </TableCell>
                    <TableCell>{formatDate(c.dueDate) ?? '—'}</TableCell>
                    <TableCell>
                      <Tag variant={status.variant} testId={`commitment-status-${c.id}`}>
                        {c.statusLabel ?? status.label}
                      </Tag>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </>
      )}
      <ButtonRow>{addPromise}</ButtonRow>
    </Flex>
  );
}
