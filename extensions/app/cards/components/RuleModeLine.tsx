import { Flex, Tag, Text } from '@hubspot/ui-extensions';
import type { RuleModeShown } from '../shared/presale-card-data';
import { MODE_WORDS } from './presale-words';

/** Whether the stage's rule sends the deal back (enforces) or only says what is open (advises). */
export function RuleModeLine({ mode, stageLabel }: { mode: RuleModeShown; stageLabel: string | null }) {
  const words = MODE_WORDS[mode];
  return (
    <Flex direction="row" gap="xs" align="center">
      <Tag variant={mode === 'enforce' ? 'error' : 'info'} testId="rule-mode">
        {words.label}
      </Tag>
      <Text variant="microcopy" testId="rule-mode-explain">
        The rule for {stageLabel ?? 'this stage'} {words.label.toLowerCase()}: {words.explain}.
      </Text>
    </Flex>
  );
}
