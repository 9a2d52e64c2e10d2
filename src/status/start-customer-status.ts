import { syncCustomerStatuses, type StatusDeps, type SyncResult } from './status-service';

/**
 * Deals that passed the gate: their companies get a `first_close` event (`transition` decides:
 * a second engagement does not reset an active customer) and a fresh roll-up.
 */
export async function startCustomerStatuses(dealIds: string[], deps: StatusDeps, now: Date): Promise<SyncResult> {
  const dealCompanies = await deps.gateway.associationsOf('deals', 'companies', dealIds);
  const companyIds = [...new Set([...dealCompanies.values()].map((links) => links[0]?.id).filter((id): id is string => !!id))];
  return syncCustomerStatuses(
    {
      events: companyIds.map((companyId) => ({ companyId, event: 'first_close' as const, occurredAt: now.toISOString() })),
      // The gate marks these deals passed only after this (its commit), so count them here.
      engagedDealIds: dealIds,
    },
    deps,
    now,
  );
}
