import type { KeyedLock } from '../concurrency/keyed-lock';
import { setCustomerStatus } from './set-status';
import { syncCustomerStatuses, type StatusDeps, type SyncResult } from './status-service';

export interface CustomerStatusServiceDeps extends StatusDeps {
  locks: KeyedLock;
}

/** The lock every writer of customer statuses holds, so two never create one company's record twice. */
export const CUSTOMER_STATUS_LOCK = 'customer-status';

/**
 * Customer status as a use case: a person's move (`npm run status`) and the automatic sync that
 * renewals and contract changes feed. Both run under one in-process lock.
 */
export function createCustomerStatusService(deps: CustomerStatusServiceDeps) {
  const locked = <T>(run: () => Promise<T>) => deps.locks.run([CUSTOMER_STATUS_LOCK], run);
  return {
    /** A manual move with a reason; automation then respects it. */
    set: (companyId: string, target: string, reason: string | undefined, now: Date) => locked(() => setCustomerStatus(deps, companyId, target, reason, now)),
    /** Applies automatic events and refreshes the roll-ups of the companies named. */
    sync: (input: Parameters<typeof syncCustomerStatuses>[0], now: Date): Promise<SyncResult> => locked(() => syncCustomerStatuses(input, deps, now)),
  };
}

export type CustomerStatusService = ReturnType<typeof createCustomerStatusService>;
