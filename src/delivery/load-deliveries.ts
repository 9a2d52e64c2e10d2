import type { PipelineCache } from '../gate/pipeline-cache';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { AssociatedId, CrmRecord } from '../hubspot/types';
import type { DeliveryHealthPolicy } from '../model';
import { COMMITMENT_PROPERTIES } from '../model/commitment-properties';
import { GATE_PROPERTIES as G, SCOPE_PROPERTIES as S } from '../model/well-known-properties';
import type { DeliveryInputs, SourceRead } from './delivery-inputs';
import { IN_DELIVERY, type DeliveryReadPlan } from './delivery-read-plan';
import type { SourceAvailability, SourceName } from './source-availability';
import { toDeliveryInputs, type DeliveryRecords, type StageIsOpen } from './to-delivery-inputs';

export interface LoadDeliveryDeps {
  gateway: CrmGateway;
  types: { scope: string; changeOrder: string; commitment?: string | undefined };
  policy: DeliveryHealthPolicy;
  plan: DeliveryReadPlan;
  availability: SourceAvailability;
  ticketPipelines: PipelineCache;
  projectPipelines?: PipelineCache;
  /** The deal ↔ scope label that marks the approved scope (schemas/associations.json). */
  approvedScopeLabel?: string;
}

export interface LoadedDelivery extends DeliveryRecords {
  inputs: DeliveryInputs;
}

interface Linked {
  links: Map<string, AssociatedId[]>;
  records: Map<string, CrmRecord>;
}

const idsOf = (links: Map<string, AssociatedId[]>, dealIds: string[]) => [...new Set(dealIds.flatMap((id) => (links.get(id) ?? []).map((l) => l.id)))];
const recordsOf = (linked: Linked, dealId: string) => (linked.links.get(dealId) ?? []).flatMap((l) => linked.records.get(l.id) ?? []);

/** The approved scope: by the deal ↔ scope label, else the newest scope marked approved. */
function approvedScope(linked: Linked, dealId: string, label: string | undefined): CrmRecord | undefined {
  const links = linked.links.get(dealId) ?? [];
  const labelled = label ? links.find((l) => l.labels.includes(label) && linked.records.has(l.id)) : undefined;
  if (labelled) return linked.records.get(labelled.id);
  return recordsOf(linked, dealId)
    .filter((s) => s.properties[S.approved] === 'true')
    .sort((a, b) => Number(b.id) - Number(a.id))[0];
}

/**
 * Loads the deals in delivery among `dealIds` with everything assessDelivery needs, in two rounds
 * of batch calls run together: the deals and their scope, change order, ticket, invoice (and
 * project) associations; then those records. Deals not found or not in delivery are `skipped`.
 */
export async function loadDeliveries(deps: LoadDeliveryDeps, dealIds: string[]): Promise<{ loaded: LoadedDelivery[]; skipped: string[] }> {
  const { gateway, plan, policy, availability } = deps;
  const ids = [...new Set(dealIds)];
  if (!ids.length) return { loaded: [], skipped: [] };
  const { tickets, invoices, projects } = policy.sources;
  const dealsRead = gateway.readMany('deals', ids, plan.deal);
  const inDelivery = dealsRead.then((deals) => ids.filter((id) => IN_DELIVERY.includes(deals.get(id)?.properties[G.status] ?? '')));
  const linkedRecords = async (objectType: string, properties: string[]): Promise<Linked> => {
    const links = await gateway.associationsOf('deals', objectType, ids);
    const wanted = idsOf(links, await inDelivery);
    return { links, records: wanted.length ? await gateway.readMany(objectType, wanted, properties) : new Map() };
  };
  const source = (name: SourceName, enabled: boolean, readLinked: () => Promise<Linked>) =>
    enabled ? availability.guard(name, readLinked) : Promise.resolve(null);
  const commitmentType = deps.types.commitment;
  const [deals, keep, scopes, changeOrders, ticketRows, invoiceRows, projectRows, commitments] = await Promise.all([
    dealsRead,
    inDelivery,
    linkedRecords(deps.types.scope, plan.scope),
    linkedRecords(deps.types.changeOrder, plan.changeOrder),
    source('tickets', tickets.enabled, () => linkedRecords(tickets.objectType, plan.ticket)),
    source('invoices', invoices.enabled, () => linkedRecords(invoices.objectType, plan.invoice)),
    source('projects', projects.enabled, () => linkedRecords(projects.objectType, plan.project)),
    commitmentType ? linkedRecords(commitmentType, Object.values(COMMITMENT_PROPERTIES)) : undefined,
  ]);
  const isOpen = await stageStates(deps, ticketRows, projectRows);
  const sourceRead = (name: SourceName, rows: Linked | null | undefined, dealId: string): SourceRead<CrmRecord> =>
    rows === null
      ? { status: 'disabled' }
      : rows === undefined
        ? { status: 'unavailable', reason: availability.unavailable(name) ?? `${name} could not be read` }
        : { status: 'read', records: recordsOf(rows, dealId) };

  const loaded = keep.map((dealId): LoadedDelivery => {
    const records: DeliveryRecords = {
      deal: deals.get(dealId)!,
      scope: approvedScope(scopes, dealId, deps.approvedScopeLabel),
      changeOrders: recordsOf(changeOrders, dealId),
      tickets: sourceRead('tickets', ticketRows, dealId),
      invoices: sourceRead('invoices', invoiceRows, dealId),
      projects: sourceRead('projects', projectRows, dealId),
      ...(commitments ? { commitments: recordsOf(commitments, dealId) } : {}),
    };
    return { ...records, inputs: toDeliveryInputs(records, policy, isOpen) };
  });
  return { loaded, skipped: ids.filter((id) => !keep.includes(id)) };
}

/** Open or closed for every ticket and project stage read (pipelines cached; an unknown stage counts as open). */
async function stageStates(deps: LoadDeliveryDeps, ticketRows: Linked | null | undefined, projectRows: Linked | null | undefined): Promise<StageIsOpen> {
  const { tickets, projects } = deps.policy.sources;
  const closed = new Set<string>();
  const check = async (
    name: 'tickets' | 'projects',
    rows: Linked | null | undefined,
    cache: PipelineCache | undefined,
    pipelineProp: string,
    stageProp: string,
  ) => {
    if (!rows || !cache) return;
    const pairs = new Map([...rows.records.values()].map((r) => [`${r.properties[pipelineProp] ?? null}|${r.properties[stageProp] ?? null}`, r]));
    for (const [key, r] of pairs) {
      const pipeline = await cache.find(r.properties[pipelineProp], r.properties[stageProp]);
      const stage = pipeline?.stages.find((s) => s.id === r.properties[stageProp]);
      const isClosed = name === 'tickets' ? stage?.ticketState === 'CLOSED' : stage?.isClosed === true;
      if (isClosed) closed.add(`${name}|${key}`);
    }
  };
  await Promise.all([
    check('tickets', ticketRows, deps.ticketPipelines, tickets.properties.pipeline, tickets.properties.stage),
    check('projects', projectRows, deps.projectPipelines, projects.properties.pipeline, projects.properties.stage),
  ]);
  return (name, pipelineId, stageId) => !closed.has(`${name}|${pipelineId}|${stageId}`);
}
