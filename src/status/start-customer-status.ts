import { applyStatusEvents, type StatusChange, type StatusDeps } from './status-service';

/**
 * A passed gate is the company's first close unless it already has a status: `transition` decides
 * (a second engagement does not reset an active customer to onboarding).
 */
export async function startCustomerStatuses(dealIds: string[], deps: StatusDeps, now: Date): Promise<{ companyIds: string[]; changes: StatusChange[] }> {
  const dealCompanies = await deps.gateway.associationsOf('deals', 'companies', dealIds);
  const companyIds = [...new Set([...dealCompanies.values()].map((links) => links[0]?.id).filter((id): id is string => !!id))];
  const changes = await applyStatusEvents(
    companyIds.map((companyId) => ({ companyId, event: 'first_close' as const, occurredAt: now.toISOString() })),
    deps,
    now,
  );
  return { companyIds, changes };
}
