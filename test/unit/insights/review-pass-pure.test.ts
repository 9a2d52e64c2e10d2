import { planHandoffReview } from '../../../src/handoff-review';
import { renderReviewRun } from '../../../src/handoff-review/render-review-run';
import { reviewDealUpdate } from '../../../src/handoff-review/review-deal-update';
import { reviewFactsOf } from '../../../src/handoff-review/review-facts';
import { loadModel } from '../../../src/model';

const config = { ...loadModel('schemas').insights.handoffReview, timeZone: 'UTC' };
const deal = (values: Record<string, string | null>) => ({ id: '9', properties: { dealname: 'Acme shop', hubspot_owner_id: '7001', ...values } });
const scopes = [
  { id: '30', properties: { delivery_approved: 'false', delivery_start_date: '2026-10-01', hubspot_owner_id: '1' } },
  { id: '31', properties: { delivery_approved: 'true', delivery_start_date: '2026-11-02', hubspot_owner_id: '7002' } },
];

describe('the review pass, pure parts', () => {
  it('takes kickoff and the delivery lead from the approved scope, else the deal owner', () => {
    expect(reviewFactsOf(deal({}), scopes)).toMatchObject({ kickoffDate: '2026-11-02', deliveryLeadId: '7002', dealOwnerId: '7001' });
    expect(reviewFactsOf(deal({}), [scopes[0]!])).toMatchObject({ kickoffDate: null, deliveryLeadId: null });
  });

  it('writes the state with the due date and the task id it made; nothing when nothing changed', () => {
    const facts = reviewFactsOf(deal({}), scopes);
    const due = planHandoffReview(facts, new Date('2026-11-16T10:00:00Z'), config);
    expect(reviewDealUpdate(due, facts.values, '5001')).toEqual({
      handoff_review_due_date: '2026-11-16',
      handoff_review_state: 'due',
      handoff_review_task_id: '5001',
    });
    const recorded = { handoff_review_due_date: '2026-11-16', handoff_review_state: 'overdue', handoff_review_task_id: '5001' };
    const later = planHandoffReview(reviewFactsOf(deal(recorded), scopes), new Date('2026-11-19T10:00:00Z'), config);
    expect(later.task).toEqual({ action: 'keep', taskId: '5001' });
    expect(reviewDealUpdate(later, recorded, undefined)).toEqual({});
  });

  it('writes nothing before kickoff is known', () => {
    const facts = reviewFactsOf(deal({}), []);
    expect(reviewDealUpdate(planHandoffReview(facts, new Date('2026-11-16T10:00:00Z'), config), facts.values, undefined)).toEqual({});
  });

  it('prints each due and overdue review, and the counts', () => {
    const facts = reviewFactsOf(deal({}), scopes);
    const plan = planHandoffReview(facts, new Date('2026-11-19T10:00:00Z'), config);
    const text = renderReviewRun(
      {
        dealsSeen: 1,
        byState: { not_yet: 0, due: 0, overdue: 1, answered: 0 },
        tasksCreated: 0,
        tasksCompleted: 0,
        planned: [{ dealId: '9', dealName: 'Acme shop', values: facts.values, kickoffDate: facts.kickoffDate, plan }],
      },
      true,
    );
    expect(text).toContain('overdue   3 d  Acme shop, due 2026-11-16');
    expect(text).toContain('would create its task for owner 7002, due 2026-11-19');
    expect(text).toContain('1 won deal(s) looked at — 0 due, 1 overdue');
  });
});
