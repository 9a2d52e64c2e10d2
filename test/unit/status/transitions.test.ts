import { CUSTOMER_STATUSES, StatusTransitionError, transition, type AutomaticEvent, type StatusState } from '../../../src/status/transitions';

const now = new Date('2027-05-01T09:00:00Z');
const state = (status: StatusState['status'], setBy: StatusState['setBy'] = 'automation', changedAt = '2027-04-01T00:00:00Z'): StatusState => ({
  status,
  setBy,
  changedAt,
});
const auto = (event: AutomaticEvent, occurredAt = now.toISOString()) => ({ event, occurredAt });
const nextOf = (r: ReturnType<typeof transition>) => (r.changed ? r.next.status : undefined);

describe('transition — automatic events', () => {
  it('first close starts onboarding', () => {
    const r = transition(undefined, auto('first_close'), undefined, now);
    expect(r).toEqual({
      changed: true,
      next: { status: 'onboarding', setBy: 'automation', changedAt: now.toISOString(), reason: 'A deal passed the close gate: delivery starts.' },
    });
  });
  it('a second engagement does not reset an active customer to onboarding', () => {
    expect(transition(state('active'), auto('first_close'), undefined, now)).toMatchObject({ changed: false });
  });
  it('a returning lapsed customer onboards again', () => {
    expect(nextOf(transition(state('lapsed'), auto('first_close'), undefined, now))).toBe('onboarding');
  });
  it('the renewal window moves onboarding or active to renewal', () => {
    expect(nextOf(transition(state('active'), auto('renewal_window_opened'), undefined, now))).toBe('renewal');
    expect(nextOf(transition(state('onboarding'), auto('renewal_window_opened'), undefined, now))).toBe('renewal');
  });
  it('a renewal brings it back to active, also from lapsed', () => {
    expect(nextOf(transition(state('renewal'), auto('renewed'), undefined, now))).toBe('active');
    expect(nextOf(transition(state('lapsed'), auto('renewed'), undefined, now))).toBe('active');
  });
  it('a lapse makes it lapsed', () => {
    expect(nextOf(transition(state('renewal'), auto('lapsed'), undefined, now))).toBe('lapsed');
  });
  it('ignores an event older than the last change (out-of-order delivery)', () => {
    expect(transition(state('active', 'automation', '2027-04-30T00:00:00Z'), auto('lapsed', '2027-04-29T00:00:00Z'), undefined, now)).toMatchObject({
      changed: false,
    });
  });
});

describe('transition — a deal in delivery going off track', () => {
  it('moves an active customer to at risk, set by automation, whoever set active', () => {
    for (const setBy of ['automation', 'user'] as const) {
      expect(transition(state('active', setBy), auto('delivery_off_track'), 'Deal Acme: off track', now)).toEqual({
        changed: true,
        next: { status: 'at_risk', setBy: 'automation', changedAt: now.toISOString(), reason: 'Deal Acme: off track' },
      });
    }
  });
  it('moves no other status, automatic or set by a person', () => {
    for (const s of CUSTOMER_STATUSES.filter((x) => x !== 'active')) {
      for (const setBy of ['automation', 'user'] as const) {
        expect(transition(state(s, setBy), auto('delivery_off_track'), undefined, now)).toMatchObject({ changed: false });
      }
    }
    expect(transition(undefined, auto('delivery_off_track'), undefined, now)).toMatchObject({ changed: false });
  });
});

describe('transition — precedence of a user’s word', () => {
  it.each(['dispute', 'paused', 'churned'] as const)('%s set by a user is never changed by automation', (s) => {
    for (const e of ['first_close', 'renewal_window_opened', 'renewed', 'lapsed', 'delivery_off_track'] as const) {
      expect(transition(state(s, 'user'), auto(e), undefined, now)).toMatchObject({ changed: false });
    }
  });
  it('at_risk set by a user survives the renewal window and a renewal, but not a later lapse', () => {
    const atRisk = state('at_risk', 'user');
    expect(transition(atRisk, auto('renewal_window_opened'), undefined, now)).toMatchObject({ changed: false });
    expect(transition(atRisk, auto('renewed'), undefined, now)).toMatchObject({ changed: false });
    expect(nextOf(transition(atRisk, auto('lapsed'), undefined, now))).toBe('lapsed');
    expect(transition(state('at_risk', 'user', '2027-05-01T10:00:00Z'), auto('lapsed', '2027-05-01T08:00:00Z'), undefined, now)).toMatchObject({
      changed: false,
    });
  });
  it('a user-set active yields to a newer automatic event', () => {
    expect(nextOf(transition(state('active', 'user'), auto('renewal_window_opened'), undefined, now))).toBe('renewal');
  });
});

describe('transition — manual moves', () => {
  it('allows any state to any other, with a reason', () => {
    const r = transition(state('churned'), { manual: 'expansion' }, '  New budget for phase 2 ', now);
    expect(r).toEqual({ changed: true, next: { status: 'expansion', setBy: 'user', changedAt: now.toISOString(), reason: 'New budget for phase 2' } });
  });
  it('refuses a manual move without a reason', () => {
    expect(() => transition(state('active'), { manual: 'at_risk' }, ' ', now)).toThrow(StatusTransitionError);
    expect(() => transition(state('active'), { manual: 'at_risk' }, undefined, now)).toThrow(/needs a reason/);
  });
  it('refuses an unknown state, naming the valid ones', () => {
    expect(() => transition(state('active'), { manual: 'happy' }, 'why not', now)).toThrow(/"happy" is not a customer status: use one of onboarding, active/);
    expect(() => transition(state('active'), { event: 'moon' as never, occurredAt: now.toISOString() }, undefined, now)).toThrow(/not an automatic event/);
  });
});
