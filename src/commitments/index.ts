export { readCommitment } from './read-commitment';
export { commitmentReasons, type CommitmentFinding, type CommitmentRule } from './commitment-reasons';
export { HOW_WORDS, commitmentLine } from './commitment-words';
export * from './commitment-inputs';
