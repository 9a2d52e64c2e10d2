import { Text } from '@hubspot/ui-extensions';
import type { NextMilestone } from '../shared/delivery-card-data';
import { daysPhrase, formatDate } from '../lib/format';

/** "Next milestone: Design sign-off, 15 Jan 2027 (in 12 days)". */
export function NextMilestoneLine({ milestone }: { milestone: NextMilestone | null }) {
  if (!milestone) return <Text testId="next-milestone">Next milestone: none set on the scope.</Text>;
  const when = milestone.date ? `${formatDate(milestone.date)}${milestone.daysToGo !== null ? ` (${daysPhrase(milestone.daysToGo)})` : ''}` : 'no date yet';
  const late = milestone.daysToGo !== null && milestone.daysToGo < 0;
  return (
    <Text testId="next-milestone" format={late ? { fontWeight: 'demibold' } : undefined}>
      Next milestone: {milestone.name}, {when}
      {late ? ': overdue' : ''}
    </Text>
  );
}
