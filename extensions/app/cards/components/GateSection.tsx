import { Alert, Flex, Heading, List, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import type { CardGate } from '../shared/card-data';
import { formatDate, plural } from '../lib/format';
import { GATE_WORDS } from './status-words';

function summary(gate: CardGate): string {
  const stage = gate.stageLabel ?? 'its stage';
  const missing = gate.total - gate.passedCount;
  switch (gate.status) {
    case 'passed':
      return 'Everything delivery needs was in place when this deal closed.';
    case 'blocked':
      return missing > 0
        ? `This deal cannot stay in ${stage} until ${plural(missing, 'item')} below ${missing === 1 ? 'is' : 'are'} done.`
        : 'The last check blocked this deal, but everything is in place now: press Re-check, then move it again.';
    case 'overridden':
      return `Closed without everything delivery needs${gate.overrideReason ? `, because: ${gate.overrideReason}` : '.'}`;
    case 'not_checked':
      return gate.total > 0
        ? 'Throughline checks this deal when it moves to a gated stage. Here is where it stands today.'
        : 'No close-gate rule applies to this deal yet.';
  }
}

/** The close gate: its status in words, n of m done, and every item with its fix. */
export function GateSection({ gate }: { gate: CardGate }) {
  const words = GATE_WORDS[gate.status];
  const missing = gate.items.filter((i) => !i.passed);
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Close gate</Heading>
        <StatusTag variant={words.variant} testId="gate-status">
          {words.label}
        </StatusTag>
        {gate.checkedAt ? <Text variant="microcopy">checked {formatDate(gate.checkedAt)}</Text> : null}
      </Flex>
      <Text testId="gate-summary">{summary(gate)}</Text>
      {gate.total > 0 ? (
        <ProgressBar
          title="Handoff complete"
          value={gate.passedCount}
          maxValue={gate.total}
          valueDescription={`${gate.passedCount} of ${gate.total} done`}
          variant={gate.passedCount === gate.total ? 'success' : 'warning'}
          testId="gate-progress"
        />
      ) : null}
      {gate.status === 'passed' && missing.length > 0 ? (
        <Alert title="Changed since it closed" variant="warning" testId="gate-regressed">
          {plural(missing.length, 'item')} no longer {missing.length === 1 ? 'meets' : 'meet'} the rule; delivery may be missing something.
        </Alert>
      ) : null}
      {gate.items.length > 0 ? (
        <List variant="unordered-styled" testId="gate-items">
          {gate.items.map((item) => (
            <Flex key={item.key} direction="column" gap="flush">
              <Flex direction="row" gap="xs" align="center">
                <StatusTag variant={item.passed ? 'success' : 'danger'} testId={`gate-item-${item.key}`}>
                  {item.passed ? 'Done' : 'Missing'}
                </StatusTag>
                <Text>{item.label}</Text>
              </Flex>
              {item.passed ? null : (
                <Text variant="microcopy" testId={`gate-fix-${item.key}`}>
                  To fix: {item.fix}
                </Text>
              )}
            </Flex>
          ))}
        </List>
      ) : null}
    </Flex>
  );
}
