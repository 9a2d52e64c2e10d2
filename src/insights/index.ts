export { summariseDeliveryOutcomes, type OutcomeGrouping } from './summarise-delivery-outcomes';
export { dealsLikeThis, type DealsLikeThis, type LikeThisState } from './deals-like-this';
export { parseGroupBy, groupValue, groupByWords, type OutcomeGroupBy } from './group-by';
export { outcomeWords, type OutcomeWords } from './outcome-words';
export { renderOutcomesText, renderOutcomesCsv, renderOutcomesJson } from './render-outcomes';
export type * from './outcome-row';
export type * from './outcome-deal';
