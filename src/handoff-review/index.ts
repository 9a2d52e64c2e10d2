export {
  planHandoffReview,
  reviewTaskKey,
  type HandoffReviewFacts,
  type HandoffReviewConfig,
  type HandoffReviewPlan,
  type HandoffReviewState,
  type ReviewTaskPlan,
} from './plan-handoff-review';
export {
  readHandoffReview,
  unansweredOf,
  REDISCOVERED_ITEMS,
  MOMENTUM_DROPS,
  BELIEF_MATCHES,
  type HandoffReviewAnswers,
  type RediscoveredItem,
  type MomentumDrop,
  type BeliefMatch,
  type ReviewValues,
} from './review-answers';
export { reviewTaskContent, REVIEW_MARKER } from './review-task-content';
