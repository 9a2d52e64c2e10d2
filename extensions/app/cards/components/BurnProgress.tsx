import { Flex, ProgressBar, Text } from '@hubspot/ui-extensions';
import type { DeliveryHours } from '../shared/delivery-card-data';
import { NOT_ENOUGH_DATA, formatHours, formatPercent } from '../lib/delivery-format';

function burnVariant(burnPct: number, elapsedPct: number | null): 'success' | 'warning' | 'danger' {
  if (burnPct > 100) return 'danger';
  return elapsedPct !== null && burnPct > elapsedPct ? 'warning' : 'success';
}

/** Hours burned against the budget, and how much of the timeline has gone: the two side by side. */
export function BurnProgress({ hours, problem }: { hours: DeliveryHours; problem: string | null }) {
  const { budget, logged, burnPct, timeElapsedPct } = hours;
  const burn = burnPct ?? (budget && logged !== null ? (logged / budget) * 100 : null);
  return (
    <Flex direction="column" gap="sm">
      {problem ? <Text testId="hours-source-problem">Hours: {problem}</Text> : null}
      {budget !== null && logged !== null && burn !== null ? (
        <ProgressBar
          title="Hours burned"
          value={Math.min(logged, budget)}
          maxValue={budget}
          valueDescription={`${formatHours(logged)} of ${formatHours(budget)} (${formatPercent(burn)})${
            logged > budget ? `, ${formatHours(logged - budget)} over budget` : ''
          }`}
          variant={burnVariant(burn, timeElapsedPct)}
          testId="burn-hours"
        />
      ) : (
        <Text testId="burn-unknown">
          Hours burned: {NOT_ENOUGH_DATA.toLowerCase()}
          {logged !== null ? ` (${formatHours(logged)} logged, no budget)` : budget !== null ? ` (budget ${formatHours(budget)}, no hours logged)` : ''}.
        </Text>
      )}
      {timeElapsedPct !== null ? (
        <ProgressBar
          title="Timeline elapsed"
          value={Math.min(Math.max(timeElapsedPct, 0), 100)}
          maxValue={100}
          valueDescription={`${formatPercent(timeElapsedPct)} of the time`}
          testId="burn-time"
        />
      ) : (
        <Text testId="time-unknown">Timeline elapsed: {NOT_ENOUGH_DATA.toLowerCase()} (no start and end date yet).</Text>
      )}
    </Flex>
  );
}
