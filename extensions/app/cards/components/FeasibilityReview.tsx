import { Alert, DescriptionList, DescriptionListItem, Flex, Heading, LoadingButton, StatusTag, Text } from '@hubspot/ui-extensions';
import type { CardFeasibility } from '../shared/presale-card-data';
import { formatDate } from '../lib/format';
import { REVIEW_WORDS } from './presale-words';

export const REQUEST_REVIEW_LABEL = 'Ask delivery for a review';

interface Props {
  review: CardFeasibility | null;
  requesting: boolean;
  onRequest: () => void;
  /** What the last request said, if it failed. */
  problem: string | null;
}

const weeks = (n: number | null) => (n === null ? '—' : `${n} ${n === 1 ? 'week' : 'weeks'}`);

function Answer({ review }: { review: CardFeasibility }) {
  const differs =
    review.committedTimelineWeeks !== null && review.proposalTimelineWeeks !== null && review.committedTimelineWeeks !== review.proposalTimelineWeeks;
  return (
    <Flex direction="column" gap="xs">
      <DescriptionList direction="row">
        <DescriptionListItem label="Delivery commits to">
          <Text testId="review-committed">
            {weeks(review.committedTimelineWeeks)}
            {review.committedStart ? ` from ${formatDate(review.committedStart)}` : ''}
          </Text>
        </DescriptionListItem>
        <DescriptionListItem label="The proposal says">
          <Text testId="review-proposal">
            {weeks(review.proposalTimelineWeeks)}
            {review.plannedStart ? ` from ${formatDate(review.plannedStart)}` : ''}
          </Text>
        </DescriptionListItem>
      </DescriptionList>
      {review.notes ? <Text testId="review-notes">{`${review.reviewedBy ?? 'Delivery'}: “${review.notes}”`}</Text> : null}
      {differs && review.status !== 'not_feasible' ? (
        <Text testId="review-differs">Quote delivery’s timeline in the proposal, so the promise is one delivery can keep.</Text>
      ) : null}
    </Flex>
  );
}

/** Delivery's feasibility review of the Scope: ask for it, wait for it, read the answer. */
export function FeasibilityReview({ review, requesting, onRequest, problem }: Props) {
  const status = review?.status ?? null;
  const pending = status === 'requested' || status === 'in_review';
  const button = (label: string) => (
    <LoadingButton onClick={onRequest} loading={requesting} disabled={!review} variant={status === null ? 'primary' : 'secondary'} testId="request-review">
      {label}
    </LoadingButton>
  );
  return (
    <Flex direction="column" gap="sm" testId="feasibility">
      <Flex direction="row" gap="sm" align="center">
        <Heading>Delivery’s feasibility review</Heading>
        {status ? (
          <StatusTag variant={REVIEW_WORDS[status].variant} testId="review-status">
            {REVIEW_WORDS[status].label}
          </StatusTag>
        ) : null}
      </Flex>
      {!review ? <Text testId="review-no-scope">Add a Scope first: delivery reviews the Scope, not the deal.</Text> : null}
      {review && status === null ? <Text testId="review-none">Delivery has not looked at this scope yet. Ask before the proposal goes out.</Text> : null}
      {review && pending ? (
        <Text testId="review-pending">
          {status === 'in_review' ? 'Delivery is reviewing the scope' : 'Delivery was asked to review the scope'}
          {review.requestedAtText ? ` (asked ${review.requestedAtText})` : ''}. The proposal should wait for the answer.
        </Text>
      ) : null}
      {review && (status === 'feasible' || status === 'feasible_with_changes' || status === 'not_feasible') ? <Answer review={review} /> : null}
      {status === 'not_feasible' ? (
        <Alert title="Not feasible as scoped" variant="danger" testId="review-not-feasible">
          Change the scope with delivery, then ask again.
        </Alert>
      ) : null}
      {!pending ? button(status === null ? REQUEST_REVIEW_LABEL : 'Ask delivery again') : null}
      {problem ? (
        <Alert title="The review was not requested" variant="danger" testId="request-review-failed">
          {problem}
        </Alert>
      ) : null}
    </Flex>
  );
}
