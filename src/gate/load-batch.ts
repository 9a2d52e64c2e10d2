import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { AssociatedId, CrmRecord } from '../hubspot/types';
import { GATE_PROPERTIES } from '../model/well-known-properties';
import { companiesOfDeals, type KnownPassInputs } from '../status/start-customer-status';
import { COMPANY_PROPERTIES_FOR_STATUS, readCompanyLinks } from '../status/status-inputs';
import { GATE_TASK_PROPERTIES, NOTE_PROPERTIES } from './find-gate-writes';
import { assembleLoaded, readGateLinks, readGateRecords, type GateReadPlan, type LoadedDeal } from './load-context';

/** Which deals of a batch need more than their scopes, contracts and promises, judged from the deal records. */
export interface GateBatchAsk {
  /** Deals that may block or pass: their tasks, to settle copies racers or a dead run left (gate-task-copies.ts). */
  tasksOf: string[];
  /** Overridden deals: their notes, for the override note an earlier run wrote. */
  notesOf: string[];
  /** Deals that may pass: their companies, and what starting their customer status reads. */
  companiesOf: string[];
}

/** What the enforcement would otherwise read after deciding; `asked` says for which deals. */
export interface GatePrefetch {
  tasks: { asked: ReadonlySet<string>; links: Map<string, AssociatedId[]>; records: Map<string, CrmRecord> };
  notes: { asked: ReadonlySet<string>; links: Map<string, AssociatedId[]>; records: Map<string, CrmRecord> };
  pass: KnownPassInputs | undefined;
}

const NONE = new Map<string, never>();
const idsOf = (links: ReadonlyMap<string, AssociatedId[]>) => [...new Set([...links.values()].flat().map((l) => l.id))];

/** Deals whose only task is the one they remember have nothing to settle: their tasks are not read. */
const unsettledTaskLinks = (links: ReadonlyMap<string, AssociatedId[]>, deals: CrmRecord[]) => {
  const remembered = new Map(deals.map((d) => [d.id, d.properties[GATE_PROPERTIES.taskId]]));
  return new Map([...links].filter(([dealId, ls]) => ls.some((l) => l.id !== remembered.get(dealId))));
};

/**
 * The gate's reads for a batch of deals already read, in two rounds of calls run together: every
 * association of the deals (load-context.ts's scopes, contracts and promises, and, for the deals
 * that need them, tasks, notes and companies), then every record those name with the companies'
 * own links (customer status, contracts, deals). The enforcement then only writes (and reads a
 * customer status that exists); the roll-up reuses the deals and contracts read here.
 */
export async function loadGateBatch(
  gateway: CrmGateway,
  types: Pick<PortalTypes, 'scope' | 'contract' | 'commitment' | 'customerStatus'>,
  deals: CrmRecord[],
  plan: GateReadPlan,
  ask: GateBatchAsk,
  allDeals: ReadonlyMap<string, CrmRecord>,
): Promise<{ loaded: Map<string, LoadedDeal>; prefetched: GatePrefetch }> {
  const links = (to: string, ids: string[]) => (ids.length ? gateway.associationsOf('deals', to, ids) : Promise.resolve(new Map<string, AssociatedId[]>()));
  const [gateLinks, taskLinks, noteLinks, companyLinks] = await Promise.all([
    readGateLinks(
      gateway,
      types,
      deals.map((d) => d.id),
      plan,
    ),
    links('tasks', ask.tasksOf),
    links('notes', ask.notesOf),
    links('companies', ask.companiesOf),
  ]);
  const read = (type: string, ids: string[], properties: string[]) =>
    ids.length ? gateway.readMany(type, ids, properties) : Promise.resolve(new Map<string, CrmRecord>());
  const companyIds = companiesOfDeals(companyLinks, ask.companiesOf);
  const [records, tasks, notes, companyOwnLinks, companies] = await Promise.all([
    readGateRecords(gateway, types, gateLinks, plan),
    read('tasks', idsOf(unsettledTaskLinks(taskLinks, deals)), GATE_TASK_PROPERTIES),
    read('notes', idsOf(noteLinks), NOTE_PROPERTIES),
    companyIds.length ? readCompanyLinks(gateway, types, companyIds) : undefined,
    read('companies', companyIds, COMPANY_PROPERTIES_FOR_STATUS),
  ]);
  const { contracts } = records;
  return {
    loaded: assembleLoaded(deals, gateLinks, records),
    prefetched: {
      tasks: { asked: new Set(ask.tasksOf), links: taskLinks, records: tasks },
      notes: { asked: new Set(ask.notesOf), links: noteLinks, records: notes },
      pass: companyOwnLinks
        ? { dealCompanies: companyLinks, known: { links: companyOwnLinks, contracts, deals: allDeals, companies } }
        : ask.companiesOf.length
          ? { dealCompanies: companyLinks, known: { contracts, deals: allDeals, companies: NONE } }
          : undefined,
    },
  };
}
