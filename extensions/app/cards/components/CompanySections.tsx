import {
  Alert,
  EmptyState,
  Flex,
  Heading,
  Statistics,
  StatisticsItem,
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
import type { CompanyStatus, Engagement, NextRenewal, RenewalTask } from '../shared/card-data';
import { daysPhrase, formatDate, plural } from '../lib/format';
import { renewalWords } from './ContractSection';
import { CustomerStatusLine } from './CustomerStatusTag';
import { EngagementDeliveryCells, EngagementDeliveryHeaders, showsDelivery } from './EngagementDeliveryCells';
import { GATE_WORDS, customerVariant } from './status-words';

/** Customer Status with reason and since when, and its recent history (HubSpot's property history). */
export function CustomerStatusSection({ status }: { status: CompanyStatus | null }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Customer status</Heading>
      <CustomerStatusLine status={status} since={status?.since ?? null} />
      {status && status.history.length > 1 ? (
        <Table density="condensed" testId="status-history">
          <TableHead>
            <TableRow>
              <TableHeader>Status</TableHeader>
              <TableHeader>Changed</TableHeader>
              <TableHeader>By</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {status.history.map((h) => (
              <TableRow key={`${h.at}-${h.status}`}>
                <TableCell>
                  <StatusTag variant={customerVariant(h.status)} hollow>
                    {h.statusLabel}
                  </StatusTag>
                </TableCell>
                <TableCell>{formatDate(h.date ?? h.at)}</TableCell>
                <TableCell>{h.by}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Flex>
  );
}

/** The next renewal across every engagement, the count of engagements and open renewal tasks. */
export function RenewalSummary({ next, engagements, tasks }: { next: NextRenewal | null; engagements: number; tasks: number }) {
  const noticeSoon = next?.noticeDeadline && next.daysToRenewal >= 0;
  return (
    <Flex direction="column" gap="sm">
      <Statistics testId="summary">
        <StatisticsItem label="Next renewal" number={next ? (formatDate(next.date) ?? next.date) : 'None'} testId="next-renewal">
          <Text>{next ? `${next.contractName}, ${daysPhrase(next.daysToRenewal)}` : 'No active contract renews'}</Text>
        </StatisticsItem>
        <StatisticsItem label="Engagements" number={engagements} />
        <StatisticsItem label="Open renewal tasks" number={tasks} />
      </Statistics>
      {next && next.daysToRenewal < 0 ? (
        <Alert title="Renewal date passed" variant="danger" testId="renewal-overdue">
          {next.contractName} was due to renew on {formatDate(next.date)} and is still open. Renew it, or end it on the contract.
        </Alert>
      ) : null}
      {noticeSoon ? (
        <Alert title="Cancel-by deadline" variant="warning" testId="notice-deadline">
          {next.contractName} renews automatically unless notice is given by {formatDate(next.noticeDeadline)}.
        </Alert>
      ) : null}
    </Flex>
  );
}

/** Every engagement (deal) with its gate status, scope state, contract and renewal date. */
export function EngagementsSection({ engagements }: { engagements: Engagement[] }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Engagements</Heading>
      {engagements.length === 0 ? (
        <EmptyState title="No engagements yet" layout="horizontal" imageName="deals" testId="engagements-empty">
          <Text>Deals with this company appear here with their close gate, scope and contract.</Text>
        </EmptyState>
      ) : (
        <Table bordered density="condensed" testId="engagements">
          <TableHead>
            <TableRow>
              <TableHeader>Deal</TableHeader>
              <TableHeader>Close gate</TableHeader>
              <TableHeader>Scope</TableHeader>
              <TableHeader>Contract</TableHeader>
              <TableHeader>Renews</TableHeader>
              {showsDelivery(engagements) ? <EngagementDeliveryHeaders /> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {engagements.map((e) => (
              <TableRow key={e.dealId}>
                <TableCell>
                  <Text format={{ fontWeight: 'demibold' }}>{e.dealName}</Text>
                  <Text variant="microcopy">{e.stage ?? 'Stage unknown'}</Text>
                </TableCell>
                <TableCell>
                  <StatusTag variant={GATE_WORDS[e.gateStatus].variant} testId={`engagement-gate-${e.dealId}`}>
                    {GATE_WORDS[e.gateStatus].label}
                  </StatusTag>
                </TableCell>
                <TableCell>
                  {e.scope ? (
                    <Tag variant={e.scope.approved ? 'success' : 'warning'} testId={`engagement-scope-${e.dealId}`}>
                      {e.scope.approved ? 'Approved' : (e.scope.statusLabel ?? 'Not approved')}
                    </Tag>
                  ) : (
                    <Text format={{ italic: true }}>No scope</Text>
                  )}
                </TableCell>
                <TableCell>{e.contract ? `${e.contract.name}${e.contract.statusLabel ? ` (${e.contract.statusLabel})` : ''}` : 'No contract'}</TableCell>
                <TableCell>{e.contract ? renewalWords(e.contract) : '—'}</TableCell>
                {showsDelivery(engagements) ? <EngagementDeliveryCells engagement={e} /> : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}

/** Open renewal tasks (Throughline's, not completed), soonest first. */
export function RenewalTasksSection({ tasks, today }: { tasks: RenewalTask[]; today: string }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>Open renewal tasks</Heading>
      {tasks.length === 0 ? (
        <Text testId="tasks-empty">No open renewal tasks. Throughline creates them 90, 60 and 30 days before a renewal and before a cancel-by deadline.</Text>
      ) : (
        <Table density="condensed" testId="renewal-tasks">
          <TableHead>
            <TableRow>
              <TableHeader>Task</TableHeader>
              <TableHeader>Due</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {tasks.map((t) => (
              <TableRow key={t.id}>
                <TableCell>{t.subject}</TableCell>
                <TableCell>
                  <Flex direction="row" gap="xs" align="center">
                    <Text>{formatDate(t.dueDate) ?? 'No due date'}</Text>
                    {t.dueDate && t.dueDate < today ? (
                      <Tag variant="error" testId={`task-overdue-${t.id}`}>
                        Overdue
                      </Tag>
                    ) : null}
                  </Flex>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {tasks.length > 0 ? <Text variant="microcopy">{plural(tasks.length, 'open task')}</Text> : null}
    </Flex>
  );
}
