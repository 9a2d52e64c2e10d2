import type { CrmGateway } from '../hubspot/crm-gateway';
import { keepOldest } from '../tasks/keep-oldest';

/**
 * A company has one Customer Status. Two processes that started it at the same moment each
 * created one: keep the oldest (both racers pick the same, see keep-oldest.ts) and archive the
 * rest. `links` are the companies' status associations when the caller has read them already.
 * Returns the archived ids.
 */
export async function settleStatusCopies(
  gateway: CrmGateway,
  statusType: string,
  companyIds: string[],
  links?: Map<string, Array<{ id: string }>>,
): Promise<Set<string>> {
  const read = links ?? (companyIds.length ? await gateway.associationsOf('companies', statusType, companyIds) : new Map<string, Array<{ id: string }>>());
  const doubled = companyIds.filter((id) => new Set((read.get(id) ?? []).map((l) => l.id)).size > 1);
  const archived = new Set<string>();
  if (!doubled.length) return archived;
  const ids = [...new Set(doubled.flatMap((id) => (read.get(id) ?? []).map((l) => l.id)))];
  const records = await gateway.readMany(statusType, ids, []);
  for (const company of doubled) {
    const copies = (read.get(company) ?? []).flatMap((l) => (records.has(l.id) ? [{ id: l.id, createdAt: records.get(l.id)!.createdAt, open: true }] : []));
    for (const id of keepOldest(copies).close) archived.add(id);
  }
  if (archived.size) await gateway.archiveMany(statusType, [...archived]);
  return archived;
}
