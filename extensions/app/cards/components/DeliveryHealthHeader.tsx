import { Flex, Heading, List, StatusTag, Text } from '@hubspot/ui-extensions';
import type { DeliverySection } from '../shared/delivery-card-data';
import { formatDate } from '../lib/format';
import { NOT_ENOUGH_DATA } from '../lib/delivery-format';
import { HEALTH_WORDS, healthLabel } from './delivery-words';

/** Delivery: phase, health with its reasons, and what could not be judged yet. */
export function DeliveryHealthHeader({ delivery }: { delivery: DeliverySection }) {
  const words = HEALTH_WORDS[delivery.health];
  const phase = delivery.phaseLabel ?? delivery.phase;
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Delivery</Heading>
        <StatusTag variant={words.variant} testId="delivery-health">
          {healthLabel(delivery.health, delivery.healthLabel)}
        </StatusTag>
        {delivery.checkedAt ? <Text variant="microcopy">checked {formatDate(delivery.checkedAt)}</Text> : null}
      </Flex>
      <Text testId="delivery-phase">{phase ? `Phase: ${phase}` : 'Phase: not set on the scope yet'}</Text>
      {delivery.reasons.length > 0 ? (
        <List variant="unordered-styled" testId="delivery-reasons">
          {delivery.reasons.map((reason) => (
            <Text key={reason}>{reason}</Text>
          ))}
        </List>
      ) : null}
      {delivery.missing.length > 0 ? (
        <Flex direction="column" gap="flush" testId="delivery-missing">
          <Text format={{ fontWeight: 'demibold' }}>{NOT_ENOUGH_DATA}:</Text>
          <List variant="unordered">
            {delivery.missing.map((m) => (
              <Text key={m} variant="microcopy">
                {m}
              </Text>
            ))}
          </List>
        </Flex>
      ) : null}
    </Flex>
  );
}
