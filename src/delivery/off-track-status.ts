import type { KeyedLock } from '../concurrency/keyed-lock';
import type { CrmGateway } from '../hubspot/crm-gateway';
import { syncCustomerStatuses, type CompanyStatusEvent, type StatusDeps } from '../status/status-service';
import type { DeliveryPlan } from './plan-delivery';

export interface OffTrackStatusDeps {
  gateway: CrmGateway;
  types: StatusDeps['types'];
  appId?: string | undefined;
  locks: KeyedLock;
}

/**
 * A deal going off track is an automatic event for its companies' Customer Status: an active
 * customer becomes at risk; anything a person set stays (src/status/transitions.ts). One
 * association read, then the status service's batched pass. Answers how many statuses moved.
 */
export async function reportOffTrackDeals(plans: DeliveryPlan[], deps: OffTrackStatusDeps, now: Date): Promise<number> {
  const links = await deps.gateway.associationsOf(
    'deals',
    'companies',
    plans.map((p) => p.dealId),
  );
  const events: CompanyStatusEvent[] = plans.flatMap((p) =>
    [...new Set((links.get(p.dealId) ?? []).map((l) => l.id))].map((companyId) => ({
      companyId,
      event: 'delivery_off_track' as const,
      occurredAt: now.toISOString(),
      reason: `${p.dealName} went off track in delivery${p.assessment.reasons[0] ? `: ${p.assessment.reasons[0]}` : ''}`,
    })),
  );
  if (!events.length) return 0;
  const synced = await deps.locks.run(['customer-status'], () =>
    syncCustomerStatuses({ events }, { gateway: deps.gateway, types: deps.types, ...(deps.appId ? { appId: deps.appId } : {}) }, now),
  );
  return synced.changes.length;
}
