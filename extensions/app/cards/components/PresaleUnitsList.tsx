import { Flex, List, StatusTag, Text } from '@hubspot/ui-extensions';
import type { CardUnit } from '../shared/presale-card-data';
import { formatDate, plural } from '../lib/format';
import { UNIT_WORDS } from './presale-words';

function unitLine(unit: CardUnit): string {
  const who = unit.ownerName ? `${unit.ownerName}, ` : '';
  if (unit.state === 'done') return `Done when: ${unit.doneWhen} — it is there.`;
  const due = `${who}due ${formatDate(unit.dueDate)}`;
  return unit.tickedWithoutDeliverable ? `${due}. The task was ticked, but it is not done until: ${unit.doneWhen}.` : `${due}. Done when: ${unit.doneWhen}.`;
}

/** The stage's pre-sale work units: done by their deliverable, open, or overdue. */
export function PresaleUnitsList({ units, stageLabel }: { units: CardUnit[]; stageLabel: string | null }) {
  if (!units.length) return null;
  const open = units.filter((u) => u.state !== 'done').length;
  return (
    <Flex direction="column" gap="xs">
      <Text testId="units-summary">
        {open === 0
          ? `Everything ${stageLabel ?? 'this stage'} asks for is done.`
          : `${plural(open, 'unit')} of ${units.length} still open for ${stageLabel ?? 'this stage'}.`}
      </Text>
      <List variant="unordered-styled" testId="units">
        {units.map((u) => (
          <Flex key={u.key} direction="column" gap="flush">
            <Flex direction="row" gap="xs" align="center">
              <StatusTag variant={UNIT_WORDS[u.state].variant} testId={`unit-state-${u.key}`}>
                {UNIT_WORDS[u.state].label}
              </StatusTag>
              <Text format={{ fontWeight: 'demibold' }}>{u.title}</Text>
            </Flex>
            <Text variant="microcopy" testId={`unit-line-${u.key}`}>
              {unitLine(u)}
            </Text>
          </Flex>
        ))}
      </List>
    </Flex>
  );
}
