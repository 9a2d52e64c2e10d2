import { BarChart, Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { CardCapacity } from '../shared/presale-card-data';
import { formatDate } from '../lib/format';
import { VERDICT_WORDS } from './presale-words';

export const COMMITTED = 'Committed';
export const THIS_SCOPE = 'This scope';
export const FREE = 'Free';

const tenth = (n: number) => Math.round(n * 10) / 10;
const weekLabel = (date: string) => formatDate(date)!.replace(/ \d{4}$/, '');

/**
 * Rows for a stacked bar per week: the committed load, this scope on top, and the capacity left
 * free above them; a bar without "Free" that stands taller than its neighbours is over capacity.
 */
export function capacityChartRows(capacity: CardCapacity) {
  return capacity.weeks.flatMap((w) => {
    const week = weekLabel(w.weekStart);
    const free = w.capacityHours - w.committedHours - w.proposedHours;
    return [
      { week, part: COMMITTED, hours: tenth(w.committedHours) },
      ...(w.proposedHours > 0 ? [{ week, part: THIS_SCOPE, hours: tenth(w.proposedHours) }] : []),
      ...(free > 0 ? [{ week, part: FREE, hours: tenth(free) }] : []),
    ];
  });
}

/** The delivery team's weekly load with this scope on top, the verdict in words, and the earliest start that fits. */
export function CapacityChart({ capacity, problem }: { capacity: CardCapacity | null; problem: string | null }) {
  if (!capacity) {
    return <Text testId="capacity-unknown">{problem ?? 'Capacity: not enough data to say (the scope names no delivery team).'}</Text>;
  }
  const verdict = capacity.verdict;
  const later = capacity.earliestFit !== null && capacity.earliestFit !== capacity.proposedStart;
  return (
    <Flex direction="column" gap="xs" testId="capacity">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Capacity: {capacity.teamLabel}</Heading>
        {verdict ? (
          <StatusTag variant={VERDICT_WORDS[verdict].variant} testId="capacity-verdict">
            {VERDICT_WORDS[verdict].label}
          </StatusTag>
        ) : null}
      </Flex>
      {capacity.summary.map((line, i) => (
        <Text key={line} testId={`capacity-summary-${i}`}>
          {line}
        </Text>
      ))}
      {verdict !== null && verdict !== 'fits' && later ? (
        <Text format={{ fontWeight: 'demibold' }} testId="capacity-earliest">
          Earliest start that fits: {formatDate(capacity.earliestFit)}
        </Text>
      ) : null}
      {capacity.missing.map((line) => (
        <Text key={line} variant="microcopy">
          {line}
        </Text>
      ))}
      {capacity.weeks.length ? (
        <BarChart
          data={capacityChartRows(capacity)}
          axes={{
            x: { field: 'week', fieldType: 'category', label: 'Week of' },
            y: { field: 'hours', fieldType: 'linear', label: 'Hours' },
            options: { groupFieldByColor: 'part', stacking: true, colors: { [COMMITTED]: 'darkBlue', [THIS_SCOPE]: 'orange', [FREE]: 'green' } },
          }}
          options={{ showLegend: true, showTooltips: true }}
          testId="capacity-chart"
        />
      ) : null}
    </Flex>
  );
}
