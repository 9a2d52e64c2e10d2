import { z } from 'zod';
import { commitmentReadProperties, commitmentRuleWords, evaluateCommitmentRule } from '../../../src/gate/commitment-rule';
import { groupMissing } from '../../../src/gate/missing-groups';
import { loadModel, objectByRole } from '../../../src/model';
import { commitmentRequirementSchema } from '../../../src/model/commitment-rule-schema';
import { explainIssue, issueToProblems } from '../../../src/model/describe-issue';
import { formatProblem } from '../../../src/model/model-error';
import { validateCommitmentRequirement } from '../../../src/model/validate-commitment-rule';

const model = loadModel('schemas');
const words = commitmentRuleWords(model);
const req = commitmentRequirementSchema.parse({ requiredProperties: ['commitment_how'] });
const record = (id: string, properties: Record<string, string | null>) => ({ id, properties: { commitment_title: `Promise ${id}`, ...properties } });

describe('the gate’s commitments rule', () => {
  it('defaults to the three decisions and reads only what it checks', () => {
    expect(commitmentRequirementSchema.parse({})).toEqual({ requiredProperties: [], outsideScopeDecisions: ['priced', 'accepted', 'declined'] });
    expect(commitmentReadProperties(req)).toEqual(['commitment_title', 'commitment_in_signed_scope', 'commitment_scope_decision', 'commitment_how']);
  });

  it('a deal without promises adds no item', () => {
    expect(evaluateCommitmentRule(req, [], words)).toEqual([]);
  });

  it('item by item: a promise outside the signed scope needs a decision; inside it needs none', () => {
    const items = evaluateCommitmentRule(
      req,
      [
        record('1', { commitment_in_signed_scope: 'true', commitment_how: 'proposal' }),
        record('2', { commitment_in_signed_scope: 'false', commitment_scope_decision: 'accepted', commitment_how: 'verbal' }),
        record('3', { commitment_in_signed_scope: 'false', commitment_how: 'email' }),
      ],
      words,
    );
    expect(items.map((i) => [i.key, i.passed])).toEqual([
      ['commitment.1.commitment_how', true],
      ['commitment.2.commitment_scope_decision', true],
      ['commitment.2.commitment_how', true],
      ['commitment.3.commitment_scope_decision', false],
      ['commitment.3.commitment_how', true],
    ]);
    expect(items[3]).toMatchObject({
      kind: 'linked_value',
      label: 'Promise “Promise 3” (outside the signed scope): priced (in the contract or a change order), accepted by delivery or declined with the buyer',
      fix: 'The Promise “Promise 3” is outside the signed scope: set Outside-scope decision to priced (in the contract or a change order), accepted by delivery or declined with the buyer before closing.',
    });
  });

  it('a decision the rule does not allow fails; an unanswered scope question and missing fields group under one edit of the promise', () => {
    const strict = commitmentRequirementSchema.parse({ requiredProperties: ['commitment_how', 'commitment_to_whom'], outsideScopeDecisions: ['priced'] });
    const items = evaluateCommitmentRule(
      strict,
      [record('4', { commitment_in_signed_scope: 'false', commitment_scope_decision: 'accepted' }), record('5', {})],
      words,
    );
    expect(items.filter((i) => !i.passed).map((i) => i.key)).toEqual([
      'commitment.4.commitment_scope_decision',
      'commitment.4.commitment_how',
      'commitment.4.commitment_to_whom',
      'commitment.5.commitment_in_signed_scope',
      'commitment.5.commitment_how',
      'commitment.5.commitment_to_whom',
    ]);
    expect(groupMissing({ items })).toEqual([
      {
        key: 'commitment.4',
        action: 'Update the Promise “Promise 4” on the deal.',
        needs: ['Outside-scope decision: priced (in the contract or a change order)', 'How it was made filled in', 'Promised to filled in'],
      },
      {
        key: 'commitment.5',
        action: 'Update the Promise “Promise 5” on the deal.',
        needs: ['In the signed scope answered', 'How it was made filled in', 'Promised to filled in'],
      },
    ]);
  });

  it('the words come from schemas/: noun, labels and the card’s button', () => {
    expect(words).toMatchObject({ noun: 'Promise', addLabel: 'Add a promise', decisionLabels: { accepted: 'Accepted by delivery' } });
  });

  it('is validated against the commitment object, naming the file, path and fix', () => {
    const commitment = { file: 'schemas/objects/deal-commitment.json', value: objectByRole(model, 'commitment') };
    const bad = commitmentRequirementSchema.parse({ requiredProperties: ['commitment_who'], outsideScopeDecisions: ['priced', 'waived'] });
    expect(validateCommitmentRequirement(bad, '$.rules[0]', 'schemas/gate-rules.json', commitment).map(formatProblem)).toEqual([
      'schemas/gate-rules.json at $.rules[0].commitments.requiredProperties[0]: "commitment_who" is not a property of the commitment object (deal_commitment) — define it in schemas/objects/deal-commitment.json or fix the name',
      'schemas/gate-rules.json at $.rules[0].commitments.outsideScopeDecisions[1]: "waived" is not a value of commitment_scope_decision — use one of priced, accepted, declined',
    ]);
    expect(validateCommitmentRequirement(req, '$.rules[0]', 'schemas/gate-rules.json', commitment)).toEqual([]);
  });

  it('refuses a decision listed twice or an empty list, as the loader words it', () => {
    const wrapped = z.strictObject({ commitments: commitmentRequirementSchema });
    const result = wrapped.safeParse({ commitments: { outsideScopeDecisions: ['priced', 'priced'] } }, { error: explainIssue });
    expect(result.success).toBe(false);
    expect(result.error!.issues.flatMap((i) => issueToProblems('gate-rules.json', i)).map(formatProblem)).toEqual([
      'gate-rules.json at $.commitments.outsideScopeDecisions: lists a decision twice — each once',
    ]);
  });
});
