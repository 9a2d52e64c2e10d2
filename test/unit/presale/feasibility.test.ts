import { readFeasibilityReview, reviewRequest } from '../../../src/presale';
import { scope } from './fixtures';

const now = new Date('2026-12-03T10:00:00Z');

describe('the feasibility review', () => {
  it('reads the review from the Scope; unknown statuses and empty values are null', () => {
    expect(
      readFeasibilityReview(
        scope('501', {
          feasibility_review_status: 'feasible_with_changes',
          feasibility_review_notes: ' Start later ',
          committed_timeline_weeks: '14',
          committed_start_date: '2027-02-15',
        }),
      ),
    ).toEqual({
      scopeId: '501',
      status: 'feasible_with_changes',
      notes: 'Start later',
      requestedAt: null,
      reviewedBy: null,
      committedTimelineWeeks: 14,
      committedStart: '2027-02-15',
    });
    expect(readFeasibilityReview(scope('502', { feasibility_review_status: 'maybe', committed_timeline_weeks: '' }))).toMatchObject({
      status: null,
      committedTimelineWeeks: null,
    });
  });

  it('a request writes requested and when; asking twice changes nothing; an answered review can be asked again, clearing its commitments', () => {
    const fresh = readFeasibilityReview(scope('501', {}));
    expect(reviewRequest(fresh, now)).toEqual({
      ok: true,
      properties: { feasibility_review_status: 'requested', feasibility_requested_at: '2026-12-03T10:00:00.000Z' },
    });
    const pending = readFeasibilityReview(scope('501', { feasibility_review_status: 'in_review' }));
    expect(reviewRequest(pending, now)).toEqual({ ok: false, reason: 'Delivery was already asked: the review is in review.' });
    const answered = readFeasibilityReview(scope('501', { feasibility_review_status: 'not_feasible' }));
    expect(reviewRequest(answered, now)).toMatchObject({
      ok: true,
      properties: { feasibility_review_status: 'requested', committed_timeline_weeks: '', committed_start_date: '' },
    });
  });
});
