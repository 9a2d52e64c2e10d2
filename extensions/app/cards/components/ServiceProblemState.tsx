import { Button, ErrorState, Text } from '@hubspot/ui-extensions';
import type { ServiceProblem } from '../lib/service';

interface Props {
  problem: ServiceProblem;
  /** "deal", "company": what the card is about, in words. */
  record: string;
  onRetry: () => void;
}

/** Every way the service can fail, said so that whoever sees it knows what to do next. */
export function ServiceProblemState({ problem, record, onRetry }: Props) {
  const retry = (
    <Button onClick={onRetry} testId="retry">
      Try again
    </Button>
  );
  switch (problem.kind) {
    case 'unreachable':
      return (
        <ErrorState title="Throughline's service did not answer" testId="problem-unreachable">
          <Text>
            Check that it is running at {problem.origin} and that the app's permittedUrls include it. If it was just restarted, try again in a moment.
          </Text>
          <Text variant="microcopy">Details: {problem.detail}</Text>
          {retry}
        </ErrorState>
      );
    case 'not_found':
      return (
        <ErrorState title={`Throughline cannot find this ${record}`} testId="problem-not-found">
          <Text>HubSpot no longer has it (it may have been deleted or merged). Reload the page; if it stays, tell your HubSpot admin.</Text>
          <Text variant="microcopy">{problem.message}</Text>
        </ErrorState>
      );
    case 'refused':
      return (
        <ErrorState title="The service refused this card's request" type="lock" testId="problem-refused">
          <Text>
            It could not verify HubSpot's signature. An admin should check that the service's HUBSPOT_CLIENT_SECRET is this app's client secret and that
            PUBLIC_BASE_URL is the address HubSpot calls.
          </Text>
          <Text variant="microcopy">
            {problem.status}: {problem.message}
          </Text>
        </ErrorState>
      );
    case 'failed':
      return (
        <ErrorState title={`The ${record} could not be loaded`} testId="problem-failed">
          <Text>{problem.message}</Text>
          {retry}
        </ErrorState>
      );
    case 'unexpected':
      return (
        <ErrorState title="This card and the service are out of step" type="support" testId="problem-unexpected">
          <Text>
            The service answered in a form this card does not read. Deploy the service and upload the project (hs project upload) from the same version.
          </Text>
          <Text variant="microcopy">Details: {problem.detail}</Text>
        </ErrorState>
      );
  }
}
