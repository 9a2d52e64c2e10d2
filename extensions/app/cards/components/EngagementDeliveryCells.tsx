import { StatusTag, TableCell, TableHeader, Text } from '@hubspot/ui-extensions';
import type { Engagement } from '../shared/card-data';
import { formatPercent } from '../lib/delivery-format';
import { HEALTH_WORDS, healthLabel } from './delivery-words';

/** Whether the service sends delivery per engagement (older services do not: no columns then). */
export const showsDelivery = (engagements: Engagement[]) => engagements.some((e) => e.delivery !== undefined);

export function EngagementDeliveryHeaders() {
  return (
    <>
      <TableHeader>Delivery health</TableHeader>
      <TableHeader>Margin</TableHeader>
    </>
  );
}

function marginWords(planned: number | null, now: number | null): string {
  if (now === null) return 'Not enough data to say';
  return planned === null ? formatPercent(now) : `${formatPercent(now)} (planned ${formatPercent(planned)})`;
}

/** One engagement's health and margin; a deal not in delivery yet says so. */
export function EngagementDeliveryCells({ engagement }: { engagement: Engagement }) {
  const d = engagement.delivery;
  if (!d) {
    return (
      <>
        <TableCell>
          <Text format={{ italic: true }}>Not in delivery</Text>
        </TableCell>
        <TableCell>—</TableCell>
      </>
    );
  }
  return (
    <>
      <TableCell>
        <StatusTag variant={HEALTH_WORDS[d.health].variant} testId={`engagement-health-${engagement.dealId}`}>
          {healthLabel(d.health, d.healthLabel)}
        </StatusTag>
      </TableCell>
      <TableCell>
        <Text testId={`engagement-margin-${engagement.dealId}`}>{marginWords(d.plannedMarginPct, d.marginPct)}</Text>
      </TableCell>
    </>
  );
}
