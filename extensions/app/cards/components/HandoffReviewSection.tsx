import { Alert, DescriptionList, DescriptionListItem, Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { HandoffReviewSection as ReviewData } from '../shared/promises-card-data';
import { formatDate, plural } from '../lib/format';

const WHERE = 'Answer it in the deal’s “Handoff review” properties.';

function stateLine(review: ReviewData) {
  const due = formatDate(review.dueDate);
  switch (review.state) {
    case 'not_yet':
      return (
        <Text testId="handoff-review-not-yet">
          {due
            ? `Delivery answers the handoff review on ${due}, after kickoff.`
            : 'Delivery answers the handoff review after kickoff (once the Scope has a delivery start date).'}
        </Text>
      );
    case 'due':
      return (
        <Alert title="Handoff review due today" variant="info" testId="handoff-review-due">
          The delivery lead has a task to answer it. {WHERE}
        </Alert>
      );
    case 'overdue':
      return (
        <Alert title="Handoff review overdue" variant="warning" testId="handoff-review-overdue">
          Due {due} ({plural(review.daysOverdue, 'day')} ago) and not answered yet: {review.unanswered.join(', ')}. {WHERE}
        </Alert>
      );
    default:
      return null;
  }
}

/** Delivery's look back after kickoff: what the buyer believed, what was rediscovered, readiness, the lesson for sales. */
export function HandoffReviewSection({ review }: { review: ReviewData }) {
  const answered = review.answers.filter((a) => a.value !== null);
  return (
    <Flex direction="column" gap="sm" testId="handoff-review">
      <Heading>Handoff review</Heading>
      {stateLine(review)}
      {review.state === 'answered' || answered.length > 0 ? (
        <DescriptionList direction="column" testId="handoff-review-answers">
          {(review.state === 'answered' ? review.answers : answered).map((a) => (
            <DescriptionListItem key={a.name} label={a.label}>
              {a.value === null ? <Text format={{ italic: true }}>Not answered</Text> : <Text testId={`handoff-review-${a.name}`}>{a.value}</Text>}
            </DescriptionListItem>
          ))}
        </DescriptionList>
      ) : null}
    </Flex>
  );
}
