import { DescriptionList, DescriptionListItem, Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { CardField } from '../shared/card-data';
import { formatDate } from '../lib/format';

const value = (f: CardField) => (f.name.endsWith('_date') ? formatDate(f.value) : f.value);

/** What delivery needs at a glance: the deal's "Delivery handoff" fields, empty ones said so. */
export function HandoffSection({ fields }: { fields: CardField[] }) {
  const filled = fields.filter((f) => f.value !== null).length;
  return (
    <Flex direction="column" gap="sm">
      <Heading>What delivery needs</Heading>
      <Text variant="microcopy">
        {filled} of {fields.length} filled in on the deal
      </Text>
      <DescriptionList direction="column" testId="handoff">
        {fields.map((f) => (
          <DescriptionListItem key={f.name} label={f.label}>
            {f.value === null ? (
              <Text format={{ italic: true }} testId={`handoff-empty-${f.name}`}>
                Not filled in yet
              </Text>
            ) : (
              <Text testId={`handoff-${f.name}`}>{value(f)}</Text>
            )}
          </DescriptionListItem>
        ))}
      </DescriptionList>
    </Flex>
  );
}
