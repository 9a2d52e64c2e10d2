import { promiseSectionLines } from '../../src/cards/render-promise-sections-text';
import { buildCommitmentsSection, buildHandoffReviewSection, promiseLabels } from '../../src/cards/promise-sections';
import { planHandoffReview } from '../../src/handoff-review';
import { reviewQuestions } from '../../src/handoff-review/review-facts';
import { loadModel } from '../../src/model';
import { cardCommitmentSchema, handoffReviewSectionSchema } from '../../extensions/app/cards/shared/promises-card-data';

const model = loadModel('schemas');
const labels = promiseLabels(model);

describe('the promises section', () => {
  const section = buildCommitmentsSection(
    [
      {
        id: '52',
        properties: {
          commitment_title: 'Data migration from the old shop',
          commitment_in_signed_scope: 'false',
          commitment_scope_decision: 'priced',
          commitment_how: 'email',
          commitment_status: 'at_risk',
        },
      },
      {
        id: '51',
        properties: {
          commitment_title: ' Start in two weeks ',
          commitment_to_whom: 'Dana',
          commitment_how: 'verbal',
          commitment_in_signed_scope: 'false',
          commitment_status: null,
        },
      },
      { id: '53', properties: { commitment_title: null, commitment_status: 'gossip' } },
    ],
    labels,
    '2-77',
    'Add a promise',
  );

  it('lists every promise oldest first with the portal’s labels, and what “Add a promise” opens', () => {
    expect(section.objectTypeId).toBe('2-77');
    expect(section.addLabel).toBe('Add a promise');
    expect(section.items.map((i) => i.id)).toEqual(['51', '52', '53']);
    expect(section.items[0]).toMatchObject({
      title: 'Start in two weeks',
      toWhom: 'Dana',
      how: 'verbal',
      howLabel: 'Verbal',
      inSignedScope: false,
      scopeDecision: null,
      status: 'open',
      statusLabel: 'Open',
    });
    expect(section.items[1]).toMatchObject({
      scopeDecision: 'priced',
      scopeDecisionLabel: 'Priced (in the contract or a change order)',
      howLabel: 'Email',
      status: 'at_risk',
      statusLabel: 'At risk',
    });
  });

  it('names an untitled promise by its id and reads an unknown status as open, in the shape the card parses', () => {
    expect(section.items[2]).toMatchObject({ title: 'Promise 53', status: 'open', inSignedScope: null });
    for (const item of section.items) expect(() => cardCommitmentSchema.parse(item)).not.toThrow();
  });
});

describe('the handoff review section', () => {
  const config = { ...model.insights.handoffReview, timeZone: 'UTC' };
  const questions = reviewQuestions(model);
  const facts = (values: Record<string, string>) => ({ dealId: '9', kickoffDate: '2026-11-02', values, deliveryLeadId: '7002', dealOwnerId: '7001' });

  it('asks every question of the group (not Throughline’s bookkeeping), with option labels for the answers', () => {
    const values = { handoff_review_rediscovered: 'scope;buyer_context', handoff_review_readiness: '2', handoff_review_task_id: '1' };
    const s = buildHandoffReviewSection(planHandoffReview(facts(values), new Date('2026-11-20T10:00:00Z'), config), values, questions);
    expect(s.answers.map((a) => a.name)).not.toContain('handoff_review_task_id');
    expect(s.answers.map((a) => a.name)).toEqual(
      expect.arrayContaining(['handoff_review_momentum_drop', 'handoff_review_margin_assumptions', 'handoff_review_sales_lesson']),
    );
    expect(s.answers.find((a) => a.name === 'handoff_review_rediscovered')!.value).toBe('Scope, Buyer context');
    expect(s.answers.find((a) => a.name === 'handoff_review_readiness')!.value).toBe('2');
    expect(s).toMatchObject({ state: 'overdue', dueDate: '2026-11-16', daysOverdue: 4 });
    expect(s.unanswered).toEqual(['Did it match what was sold', 'Where the client felt a drop in momentum']);
    expect(() => handoffReviewSectionSchema.parse(s)).not.toThrow();
  });

  it('is answered once the required answers are in', () => {
    const values = {
      handoff_review_belief_matched: 'partly',
      handoff_review_rediscovered: 'none',
      handoff_review_readiness: '4',
      handoff_review_momentum_drop: 'before_kickoff',
    };
    const s = buildHandoffReviewSection(planHandoffReview(facts(values), new Date('2026-11-20T10:00:00Z'), config), values, questions);
    expect(s).toMatchObject({ state: 'answered', unanswered: [] });
    expect(s.answers.find((a) => a.name === 'handoff_review_momentum_drop')!.value).toBe('Between signature and kickoff');
  });
});

describe('the sections as text (npm run card)', () => {
  it('lists each promise with its scope decision, and the review state', () => {
    const commitments = buildCommitmentsSection(
      [{ id: '1', properties: { commitment_title: 'Start in two weeks', commitment_how: 'verbal', commitment_in_signed_scope: 'false' } }],
      labels,
      '2-7',
      'Add a promise',
    );
    const lines = promiseSectionLines({
      commitments,
      handoffReview: { state: 'overdue', dueDate: '2026-11-16', daysOverdue: 4, answers: [], unanswered: ['Did it match what was sold'] },
    } as never);
    expect(lines).toEqual([
      '│ Promises: 1',
      '│   “Start in two weeks” (Verbal) — outside the scope: NOT decided; Open',
      '│ Handoff review: OVERDUE (due 2026-11-16, 4 days ago)',
      '│   Not answered yet: Did it match what was sold',
    ]);
  });
});
