import { BarChart, Flex, Text } from '@hubspot/ui-extensions';
import type { DeliveryMargin } from '../shared/delivery-card-data';
import { NOT_ENOUGH_DATA, formatPercent, formatPoints } from '../lib/delivery-format';

const KEPT = 'Margin';

/**
 * Rows for a stacked bar chart: "Planned" is the planned margin; "Now" is the margin left, with
 * the points lost stacked on it, one colour per cause, so the two bars compare at a glance.
 */
export function marginChartRows(margin: DeliveryMargin & { plannedPct: number; nowPct: number }) {
  return [
    { bar: 'Planned', part: KEPT, points: Math.round(margin.plannedPct) },
    { bar: 'Now', part: KEPT, points: Math.round(margin.nowPct) },
    ...margin.pointsLost.filter((l) => l.points > 0).map((l) => ({ bar: 'Now', part: `Lost: ${l.label}`, points: Math.round(l.points * 10) / 10 })),
  ];
}

/** Planned margin against today's, and the points lost by cause. */
export function MarginChart({ margin }: { margin: DeliveryMargin | null }) {
  if (!margin || margin.plannedPct === null || margin.nowPct === null) {
    const planned = margin?.plannedPct;
    return (
      <Text testId="margin-unknown">
        Margin: {NOT_ENOUGH_DATA.toLowerCase()}
        {planned !== null && planned !== undefined ? ` how it stands now (planned ${formatPercent(planned)})` : ''}.
      </Text>
    );
  }
  const lost = margin.plannedPct - margin.nowPct;
  const known = { ...margin, plannedPct: margin.plannedPct, nowPct: margin.nowPct };
  return (
    <Flex direction="column" gap="xs">
      <Text testId="margin-summary">
        Margin planned {formatPercent(margin.plannedPct)}, now {formatPercent(margin.nowPct)}
        {lost > 0.5 ? `: ${formatPoints(lost)} lost` : lost < -0.5 ? `: ${formatPoints(-lost)} better than planned` : ', as planned'}
        {margin.pointsLost.length > 0 ? ` (${margin.pointsLost.map((l) => `${l.label} ${formatPoints(l.points)}`).join(', ')})` : ''}.
      </Text>
      <BarChart
        data={marginChartRows(known)}
        axes={{
          x: { field: 'bar', fieldType: 'category', label: 'Margin' },
          y: { field: 'points', fieldType: 'linear', label: 'Points of margin' },
          options: { groupFieldByColor: 'part', stacking: true, colors: { [KEPT]: 'green' } },
        }}
        options={{ showLegend: true, showDataLabels: true, showTooltips: true }}
        testId="margin-chart"
      />
    </Flex>
  );
}
