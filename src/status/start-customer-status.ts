import type { AssociatedId, Properties } from '../hubspot/types';
import type { KnownStatusInputs } from './status-inputs';
import { syncCustomerStatuses, type StatusDeps, type SyncResult } from './status-service';

/** What the gate's batch already read: each deal's companies, and what the sync would read for them. */
export interface KnownPassInputs {
  dealCompanies: ReadonlyMap<string, AssociatedId[]>;
  known: KnownStatusInputs;
}

/** The company a passing deal starts (its first company link), from the links read. */
export const companiesOfDeals = (links: ReadonlyMap<string, AssociatedId[]>, dealIds: string[]): string[] => [
  ...new Set(dealIds.map((id) => links.get(id)?.[0]?.id).filter((id): id is string => !!id)),
];

/**
 * Deals that passed the gate: their companies get a `first_close` event (`transition` decides:
 * a second engagement does not reset an active customer) and a fresh roll-up. `contractChanges`
 * are the activations written beside it; `preread` spares the reads the gate's batch made.
 */
export async function startCustomerStatuses(
  dealIds: string[],
  deps: StatusDeps,
  now: Date,
  options: { contractChanges?: ReadonlyMap<string, Properties>; preread?: KnownPassInputs } = {},
): Promise<SyncResult> {
  const asked = options.preread && dealIds.every((id) => options.preread!.dealCompanies.has(id));
  const dealCompanies = asked ? options.preread!.dealCompanies : await deps.gateway.associationsOf('deals', 'companies', dealIds);
  const companyIds = companiesOfDeals(dealCompanies, dealIds);
  return syncCustomerStatuses(
    {
      events: companyIds.map((companyId) => ({ companyId, event: 'first_close' as const, occurredAt: now.toISOString() })),
      // The gate marks these deals passed only after this (its commit), so count them here.
      engagedDealIds: dealIds,
      ...(options.contractChanges ? { contractChanges: options.contractChanges } : {}),
      ...(asked ? { known: options.preread!.known } : {}),
    },
    deps,
    now,
  );
}
