import { DescriptionList, DescriptionListItem, EmptyState, Flex, Heading, StatusTag, Tag, Text } from '@hubspot/ui-extensions';
import type { CardContract } from '../shared/card-data';
import { daysPhrase, formatDate } from '../lib/format';

/** Renewal in words: "1 Dec 2027 (in 12 days)", overdue said plainly. */
export function renewalWords(c: Pick<CardContract, 'renewalDate' | 'daysToRenewal'>): string {
  if (!c.renewalDate) return 'Not set';
  return `${formatDate(c.renewalDate)}${c.daysToRenewal === null ? '' : ` (${daysPhrase(c.daysToRenewal)})`}`;
}

/** Contract: term, renewal with days to go, auto-renew, notice deadline, value. */
export function ContractSection({ contract, addLabel }: { contract: CardContract | null; addLabel: string }) {
  if (!contract) {
    return (
      <Flex direction="column" gap="sm">
        <Heading>Contract</Heading>
        <EmptyState title="No contract yet" layout="horizontal" imageName="electronicSignature" testId="contract-empty">
          <Text>Renewal reminders start from the contract: its start date, term, renewal date and notice period. Use {addLabel} above when it is signed.</Text>
        </EmptyState>
      </Flex>
    );
  }
  const soon = contract.daysToRenewal !== null && contract.daysToRenewal <= 90;
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Contract: {contract.name}</Heading>
        {contract.statusLabel ? (
          <StatusTag variant={contract.status === 'active' ? 'success' : 'default'} testId="contract-status">
            {contract.statusLabel}
          </StatusTag>
        ) : null}
      </Flex>
      <DescriptionList direction="row" testId="contract">
        <DescriptionListItem label="Term">
          <Text>
            {contract.termMonths === null ? 'Not set' : `${contract.termMonths} months`}
            {contract.startDate ? ` from ${formatDate(contract.startDate)}` : ''}
          </Text>
        </DescriptionListItem>
        <DescriptionListItem label="Renews">
          <Flex direction="row" gap="xs" align="center">
            <Text testId="contract-renewal">{renewalWords(contract)}</Text>
            {soon ? (
              <Tag variant={contract.daysToRenewal! < 0 ? 'error' : 'warning'} testId="contract-renewal-soon">
                {contract.daysToRenewal! < 0 ? 'Overdue' : 'Soon'}
              </Tag>
            ) : null}
          </Flex>
        </DescriptionListItem>
        <DescriptionListItem label="Auto-renew">
          <Text>{contract.autoRenew ? 'Yes' : 'No: it ends unless renewed'}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="Cancel by">
          <Text testId="contract-notice">
            {contract.noticeDeadline ? formatDate(contract.noticeDeadline) : contract.autoRenew ? 'Notice period not set' : 'No deadline (does not auto-renew)'}
          </Text>
        </DescriptionListItem>
        <DescriptionListItem label="Value">
          <Text testId="contract-value">{contract.valueText ?? 'Not set'}</Text>
        </DescriptionListItem>
      </DescriptionList>
    </Flex>
  );
}
