import { planHandoffReview, readHandoffReview, reviewTaskContent, type HandoffReviewFacts } from '../../../src/handoff-review';
import { loadModel } from '../../../src/model';

const { handoffReview } = loadModel('schemas').insights;
const config = { ...handoffReview, timeZone: 'Europe/Berlin' };
const ANSWERED = {
  handoff_review_belief_matched: 'partly',
  handoff_review_rediscovered: 'scope;promises',
  handoff_review_readiness: '3',
  handoff_review_momentum_drop: 'before_kickoff',
};

function facts(over: Partial<HandoffReviewFacts> = {}): HandoffReviewFacts {
  return { dealId: '101', kickoffDate: '2026-11-02', values: {}, deliveryLeadId: '55', dealOwnerId: '7', ...over };
}
/** Kickoff 2 Nov + 14 days: due on 16 Nov (Berlin). */
const at = (iso: string) => new Date(iso);

describe('planHandoffReview', () => {
  it('is not yet due before kickoff + the delay, and says the due date for the deal to show', () => {
    const plan = planHandoffReview(facts(), at('2026-11-15T22:59:00Z'), config);
    expect(plan).toEqual({
      state: 'not_yet',
      dueDate: '2026-11-16',
      daysOverdue: 0,
      unanswered: config.requiredAnswers,
      task: null,
      dealUpdate: { handoff_review_due_date: '2026-11-16' },
    });
  });

  it('without kickoff there is no due date and nothing to write', () => {
    expect(planHandoffReview(facts({ kickoffDate: null }), at('2027-06-01T10:00:00Z'), config)).toMatchObject({
      state: 'not_yet',
      dueDate: null,
      task: null,
      dealUpdate: {},
    });
  });

  it('falls due on the day in the portal’s time zone: one keyed task for the delivery lead', () => {
    // 23:30 UTC on 15 Nov is already 16 Nov in Berlin.
    const plan = planHandoffReview(facts({ values: { handoff_review_due_date: '2026-11-16' } }), at('2026-11-15T23:30:00Z'), config);
    expect(plan.state).toBe('due');
    expect(plan.dealUpdate).toEqual({});
    expect(plan.task).toEqual({ action: 'create', key: 'handoff-review-task:101', ownerId: '55', assignedTo: 'delivery_lead', dueDate: '2026-11-16' });
  });

  it('goes to the deal owner when the scope has no owner, and to nobody without either', () => {
    expect(planHandoffReview(facts({ deliveryLeadId: null }), at('2026-11-16T10:00:00Z'), config).task).toMatchObject({
      ownerId: '7',
      assignedTo: 'deal_owner',
    });
    expect(planHandoffReview(facts({ deliveryLeadId: null, dealOwnerId: null }), at('2026-11-16T10:00:00Z'), config).task).toMatchObject({
      ownerId: null,
      assignedTo: 'nobody',
    });
  });

  it('overdue is shown and never nagged twice: the task made on the day is kept', () => {
    const plan = planHandoffReview(facts({ values: { handoff_review_task_id: '9001', handoff_review_readiness: '4' } }), at('2026-11-20T10:00:00Z'), config);
    expect(plan).toMatchObject({ state: 'overdue', daysOverdue: 4, task: { action: 'keep', taskId: '9001' } });
    expect(plan.unanswered).toEqual(['handoff_review_belief_matched', 'handoff_review_rediscovered', 'handoff_review_momentum_drop']);
  });

  it('a review found overdue without a task gets its one task, due today rather than born overdue', () => {
    expect(planHandoffReview(facts(), at('2026-11-20T10:00:00Z'), config).task).toMatchObject({ action: 'create', dueDate: '2026-11-20' });
  });

  it('answered once every required answer is in (early answers count): the open task is completed', () => {
    expect(planHandoffReview(facts({ values: { ...ANSWERED, handoff_review_task_id: '9001' } }), at('2026-11-20T10:00:00Z'), config)).toMatchObject({
      state: 'answered',
      task: { action: 'complete', taskId: '9001' },
    });
    expect(planHandoffReview(facts({ values: ANSWERED }), at('2026-11-03T10:00:00Z'), config)).toMatchObject({ state: 'answered', task: null });
  });

  it('reads the recorded due date as HubSpot sends it (epoch ms) and rewrites it when kickoff moved', () => {
    const ms = String(Date.parse('2026-11-16T00:00:00Z'));
    expect(planHandoffReview(facts({ values: { handoff_review_due_date: ms } }), at('2026-11-10T10:00:00Z'), config).dealUpdate).toEqual({});
    expect(
      planHandoffReview(facts({ kickoffDate: '2026-11-09', values: { handoff_review_due_date: ms } }), at('2026-11-10T10:00:00Z'), config).dealUpdate,
    ).toEqual({
      handoff_review_due_date: '2026-11-23',
    });
  });
});

describe('readHandoffReview and the task', () => {
  it('parses the answers; unknown values and out-of-range numbers are null', () => {
    expect(
      readHandoffReview({
        ...ANSWERED,
        handoff_review_rediscovery_hours: '12.5',
        handoff_review_sales_lesson: '  Ask for the API docs  ',
        handoff_review_rediscovered: 'scope;gossip;buyer_context',
      }),
    ).toEqual({
      buyerBelief: null,
      beliefMatched: 'partly',
      rediscovered: ['scope', 'buyer_context'],
      rediscoveryHours: 12.5,
      extraWorkPromises: null,
      readiness: 3,
      momentumDrops: ['before_kickoff'],
      marginAssumptions: null,
      salesLesson: 'Ask for the API docs',
    });
    expect(
      readHandoffReview({ handoff_review_readiness: '7', handoff_review_belief_matched: 'sort of', handoff_review_rediscovery_hours: '-1' }),
    ).toMatchObject({
      readiness: null,
      beliefMatched: null,
      rediscoveryHours: null,
      rediscovered: [],
    });
  });

  it('the task asks the questions and carries its key', () => {
    const { subject, body } = reviewTaskContent(
      { id: '101', name: 'Acme <rebuild>' },
      ['What the buyer believed', 'Readiness at kickoff (1-5)'],
      '2026-11-02',
      'handoff-review-task:101',
    );
    expect(subject).toBe('[Throughline handoff review] Acme <rebuild>: how did the handoff go?');
    expect(body).toContain('<li>Readiness at kickoff (1-5)</li>');
    expect(body).toContain('kicked off on 2026-11-02');
    expect(body).toContain('Review key handoff-review-task:101.');
  });
});
