/**
 * Customer Status is not a funnel: any state can follow any other. Automation moves it on facts
 * (a first close, a renewal window, a renewal, a lapse); people move it anywhere, with a reason.
 *
 * Precedence (a user's word is respected):
 * - `dispute`, `paused` and `churned` set by a user are never changed by automation.
 * - `at_risk` and `expansion` set by a user yield only to a lapse, the one fact that outranks a
 *   judgement (the contract ended), and only when the lapse happened after the user's change.
 * - Any other status set by a user yields to an automatic event that happened after it.
 * - Automation never moves a status backwards in time: an event older than the last change is ignored.
 * - A deal in delivery going off track (`delivery_off_track`) moves only an `active` customer to
 *   `at_risk`: whatever else the status is (onboarding, renewal, a person's dispute…) stays.
 */
export const CUSTOMER_STATUSES = ['onboarding', 'active', 'at_risk', 'paused', 'renewal', 'expansion', 'lapsed', 'dispute', 'churned'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const AUTOMATIC_EVENTS = ['first_close', 'renewal_window_opened', 'renewed', 'lapsed', 'delivery_off_track'] as const;
export type AutomaticEvent = (typeof AUTOMATIC_EVENTS)[number];

export interface StatusState {
  status: CustomerStatus;
  changedAt: string;
  setBy: 'automation' | 'user';
}

export type StatusInput = { event: AutomaticEvent; occurredAt: string } | { manual: CustomerStatus | string };

export type TransitionResult = { changed: true; next: StatusState & { reason: string } } | { changed: false; why: string };

export class StatusTransitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatusTransitionError';
  }
}

const NEVER_AUTO_CLEARED: CustomerStatus[] = ['dispute', 'paused', 'churned'];
const YIELD_ONLY_TO_LAPSE: CustomerStatus[] = ['at_risk', 'expansion'];

/** Where each automatic event leads, and from which states it applies. */
const AUTOMATIC: Record<AutomaticEvent, { to: CustomerStatus; from: Array<CustomerStatus | 'none'>; reason: string }> = {
  first_close: { to: 'onboarding', from: ['none', 'lapsed', 'churned'], reason: 'A deal passed the close gate: delivery starts.' },
  renewal_window_opened: { to: 'renewal', from: ['none', 'onboarding', 'active'], reason: 'The renewal window opened.' },
  renewed: { to: 'active', from: ['none', 'renewal', 'lapsed', 'onboarding', 'at_risk'], reason: 'The contract was renewed.' },
  lapsed: {
    to: 'lapsed',
    from: ['none', 'onboarding', 'active', 'at_risk', 'renewal', 'expansion'],
    reason: 'The renewal date passed without a renewal.',
  },
  delivery_off_track: { to: 'at_risk', from: ['active'], reason: 'A deal in delivery went off track.' },
};

export function isCustomerStatus(value: unknown): value is CustomerStatus {
  return typeof value === 'string' && (CUSTOMER_STATUSES as readonly string[]).includes(value);
}

/** Pure: the next status for an automatic event or a manual move, or why nothing changes. */
export function transition(current: StatusState | undefined, input: StatusInput, reason: string | undefined, now: Date): TransitionResult {
  if ('manual' in input) {
    if (!isCustomerStatus(input.manual)) {
      throw new StatusTransitionError(`"${input.manual}" is not a customer status: use one of ${CUSTOMER_STATUSES.join(', ')}.`);
    }
    if (!reason || !reason.trim()) {
      throw new StatusTransitionError(`Moving the customer status to ${input.manual} by hand needs a reason: say why in the status reason.`);
    }
    if (current?.status === input.manual) return { changed: false, why: `already ${input.manual}` };
    return { changed: true, next: { status: input.manual, changedAt: now.toISOString(), setBy: 'user', reason: reason.trim() } };
  }

  if (!(AUTOMATIC_EVENTS as readonly string[]).includes(input.event)) {
    throw new StatusTransitionError(`"${String(input.event)}" is not an automatic event: use one of ${AUTOMATIC_EVENTS.join(', ')}.`);
  }
  const rule = AUTOMATIC[input.event];
  const from = current?.status ?? 'none';
  if (current && Date.parse(input.occurredAt) < Date.parse(current.changedAt)) {
    return { changed: false, why: `the ${input.event} event is older than the last change (${current.changedAt})` };
  }
  if (current?.setBy === 'user') {
    if (NEVER_AUTO_CLEARED.includes(current.status)) {
      return { changed: false, why: `${current.status} was set by a user and is never changed by automation` };
    }
    if (YIELD_ONLY_TO_LAPSE.includes(current.status) && input.event !== 'lapsed') {
      return { changed: false, why: `${current.status} was set by a user and yields only to a lapse` };
    }
  }
  if (!rule.from.includes(from)) return { changed: false, why: `${input.event} does not apply to ${from}` };
  if (from === rule.to) return { changed: false, why: `already ${rule.to}` };
  return { changed: true, next: { status: rule.to, changedAt: now.toISOString(), setBy: 'automation', reason: reason?.trim() || rule.reason } };
}
