export { playbookUnitsFor, playbookFor, type PlannedUnit, type StageEntryFacts, type OwnerSource } from './playbook-units';
export { unitKey, parseUnitKey, unitKeyLine, unitKeyInBody, PLAYBOOK_MARKER, type UnitKeyParts } from './unit-key';
export { deliverableMet, unitDone, type DeliverableFacts } from './deliverable';
export { unitStatuses, type UnitState, type UnitStatus, type UnitTask } from './unit-status';
export { unitTaskDraft, type UnitTaskDraft } from './unit-task';
export { deliverableWords } from './deliverable-words';
export { presaleLabels, type PresaleLabels, type LabelSide } from './presale-labels';
export { readFeasibilityReview, reviewRequest, isAnswered, isPending, type FeasibilityReview, type ReviewRequest } from './feasibility';
