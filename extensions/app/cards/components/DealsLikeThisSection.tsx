import { Alert, BarChart, Flex, Heading, List, Text } from '@hubspot/ui-extensions';
import type { DealsLikeThisSection as LikeThis } from '../shared/promises-card-data';
import { formatDate, plural } from '../lib/format';

/** "Deals like this": what past deals of the same kind taught, shown while the promises are being made. */
export function DealsLikeThisSection({ likeThis }: { likeThis: LikeThis }) {
  const basis = `Based on ${plural(likeThis.basedOn, 'won deal')}${likeThis.groupLabel ? ` (${likeThis.groupLabel})` : ''}, updated ${formatDate(likeThis.computedAt)}.`;
  if (likeThis.state === 'none') {
    return (
      <Flex direction="column" gap="xs" testId="deals-like-this">
        <Heading>Deals like this</Heading>
        {likeThis.sentences.map((s) => (
          <Text key={s} testId="deals-like-this-none">
            {s}
          </Text>
        ))}
      </Flex>
    );
  }
  return (
    <Flex direction="column" gap="sm" testId="deals-like-this">
      <Heading>Deals like this</Heading>
      {likeThis.state === 'small_sample' && likeThis.caution ? (
        <Alert title="Small sample" variant="warning" testId="deals-like-this-small">
          {likeThis.caution}
        </Alert>
      ) : null}
      <List variant="unordered-styled" testId="deals-like-this-sentences">
        {likeThis.sentences.map((s) => (
          <Text key={s}>{s}</Text>
        ))}
      </List>
      {likeThis.chart.length > 0 ? (
        <BarChart
          data={likeThis.chart}
          axes={{
            x: { field: 'label', fieldType: 'category', label: 'Where the hours went' },
            y: { field: 'hoursPerDeal', fieldType: 'linear', label: 'Hours per deal beyond the proposal' },
          }}
          options={{ showDataLabels: true, showTooltips: true }}
          testId="deals-like-this-chart"
        />
      ) : null}
      <Text variant="microcopy" testId="deals-like-this-basis">
        {basis}
      </Text>
    </Flex>
  );
}
