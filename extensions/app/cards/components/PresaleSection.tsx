import { Flex, Heading } from '@hubspot/ui-extensions';
import { useCallback, useState } from 'react';
import { requestFeasibilityReview, type ServiceProblem } from '../lib/service';
import type { DealCardData } from '../shared/card-data';
import type { PresaleSection as PresaleData } from '../shared/presale-card-data';
import { CapacityChart } from './CapacityChart';
import { FeasibilityReview } from './FeasibilityReview';
import { PresaleUnitsList } from './PresaleUnitsList';

interface Props {
  presale: PresaleData;
  origin: string;
  dealId: string | number;
  /** Shows the fresh card the service answers a request with. */
  onCard: (card: DealCardData) => void;
}

const problemWords = (p: ServiceProblem, origin: string) =>
  p.kind === 'unreachable'
    ? `Throughline's service did not answer. Check that it is running at ${origin}, then try again.`
    : 'message' in p
      ? p.message
      : p.detail;

/** Before the proposal: the stage's work units, delivery's feasibility review and the team's capacity. */
export function PresaleSection({ presale, origin, dealId, onCard }: Props) {
  const [requesting, setRequesting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onRequest = useCallback(async () => {
    setRequesting(true);
    setProblem(null);
    const result = await requestFeasibilityReview(origin, dealId);
    setRequesting(false);
    if (result.ok) onCard(result.data);
    else setProblem(problemWords(result.problem, origin));
  }, [origin, dealId, onCard]);

  return (
    <Flex direction="column" gap="md" testId="presale">
      <Heading>Before the proposal{presale.stageLabel ? `: ${presale.stageLabel}` : ''}</Heading>
      <PresaleUnitsList units={presale.units} stageLabel={presale.stageLabel} />
      <FeasibilityReview review={presale.review} requesting={requesting} onRequest={onRequest} problem={problem} />
      <CapacityChart capacity={presale.capacity} problem={presale.capacityProblem} />
    </Flex>
  );
}
