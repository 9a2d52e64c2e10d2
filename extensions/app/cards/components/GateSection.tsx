import { Alert, Flex, Heading, List, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import type { CardGate } from '../shared/card-data';
import { plural } from '../lib/format';
import { GATE_WORDS } from './status-words';
import { RuleModeLine } from './RuleModeLine';

function summary(gate: CardGate): string {
  const stage = gate.stageLabel ?? 'its stage';
  const missing = gate.missing.length;
  if (gate.mode === 'advise') {
    return missing > 0
      ? `${plural(missing, 'item')} still open for ${stage}: the deal stays where it is, but delivery advises finishing ${missing === 1 ? 'it' : 'them'} first.`
      : `Everything ${stage} asks for is in place.`;
  }
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

/** The close gate: its status in words, n of m checks done, what to do (grouped by action), and every check. */
export function GateSection({ gate }: { gate: CardGate }) {
  const words = GATE_WORDS[gate.status];
  const missing = gate.missing;
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Close gate</Heading>
        <StatusTag variant={words.variant} testId="gate-status">
          {words.label}
        </StatusTag>
        {gate.checkedAtText ? (
          <Text variant="microcopy" testId="gate-checked">
            checked {gate.checkedAtText}
          </Text>
        ) : null}
      </Flex>
      <Text testId="gate-summary">{summary(gate)}</Text>
      {gate.mode ? <RuleModeLine mode={gate.mode} stageLabel={gate.stageLabel} /> : null}
      {gate.total > 0 ? (
        <ProgressBar
          title="Handoff complete"
          value={gate.passedCount}
          maxValue={gate.total}
          valueDescription={`${gate.passedCount} of ${gate.total} checks done`}
          variant={gate.passedCount === gate.total ? 'success' : 'warning'}
          testId="gate-progress"
        />
      ) : null}
      {gate.status === 'passed' && missing.length > 0 ? (
        <Alert title="Changed since it closed" variant="warning" testId="gate-regressed">
          {plural(missing.length, 'item')} no longer {missing.length === 1 ? 'meets' : 'meet'} the rule; delivery may be missing something.
        </Alert>
      ) : null}
      {missing.length > 0 && gate.status !== 'passed' ? (
        <Flex direction="column" gap="xs">
          <Text format={{ fontWeight: 'demibold' }}>To do</Text>
          <List variant="ordered-styled" testId="gate-todo">
            {missing.map((group) => (
              <Flex key={group.key} direction="column" gap="flush">
                <Text testId={`gate-todo-${group.key}`}>{group.action}</Text>
                {group.needs.length ? (
                  <Text variant="microcopy" testId={`gate-needs-${group.key}`}>
                    It needs: {group.needs.join(', ')}
                  </Text>
                ) : null}
              </Flex>
            ))}
          </List>
        </Flex>
      ) : null}
      {gate.items.length > 0 ? (
        <List variant="unordered-styled" testId="gate-items">
          {gate.items.map((item) => (
            <Flex key={item.key} direction="row" gap="xs" align="center">
              <StatusTag variant={item.passed ? 'success' : 'danger'} testId={`gate-item-${item.key}`}>
                {item.passed ? 'Done' : 'Missing'}
              </StatusTag>
              <Text>{item.label}</Text>
            </Flex>
          ))}
        </List>
      ) : null}
    </Flex>
  );
}
