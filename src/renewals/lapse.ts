import { addDays, addMonths, parseHubSpotDate, toEpochMs, type CalendarDate } from '../dates/calendar';
import { currentRecords, searchAll } from '../hubspot/search-windows';
import type { CrmRecord, Properties, UpdateInput } from '../hubspot/types';
import { CONTRACT_PROPERTIES as C } from '../model/well-known-properties';
import type { CompanyStatusEvent } from '../status/status-service';
import { loadContractLinks, type ContractLinks } from './contract-links';
import { CONTRACT_SCAN_PROPERTIES, OPEN_CONTRACT_STATUSES, taskContextOf, toContractTerms } from './contract-terms';
import type { RenewalAction, RenewalScanDeps, RenewalScanResult } from './scan-types';
import { parseSentLog, type SentEntry } from './sent-log';
import { RENEWAL_MARKER } from './task-content';
import { createTrackedTasks, resolvePending, type TrackedTask } from './tracked-tasks';

/** A successor starts at most this many days before the old renewal date (or any time after). */
const SUCCESSOR_SLACK_DAYS = 7;

export const lapseKey = (renewal: CalendarDate) => `${renewal}:lapse`;

/** Rolls an auto-renewing contract's renewal date forward by whole terms until it is in the future. */
export function rollForward(renewal: CalendarDate, termMonths: number, today: CalendarDate): CalendarDate {
  let next = renewal;
  for (let i = 1; next < today; i++) next = addMonths(renewal, termMonths * i);
  return next;
}

async function successors(deps: RenewalScanDeps, companyIds: string[]): Promise<Map<string, CrmRecord[]>> {
  const out = new Map<string, CrmRecord[]>();
  if (!companyIds.length) return out;
  const links = await deps.gateway.associationsOf('companies', deps.types.contract, companyIds);
  const ids = [...new Set([...links.values()].flat().map((l) => l.id))];
  const records = ids.length ? await deps.gateway.readMany(deps.types.contract, ids, [C.startDate, C.status, C.name]) : new Map<string, CrmRecord>();
  for (const [companyId, ls] of links)
    out.set(
      companyId,
      ls.flatMap((l) => records.get(l.id) ?? []),
    );
  return out;
}

export interface LapsePlan {
  updates: UpdateInput[];
  lapses: TrackedTask[];
  events: CompanyStatusEvent[];
  /** The same writes in words, for a dry run. */
  actions: RenewalAction[];
  autoRenewed: number;
  renewed: number;
  lapsed: number;
}

/**
 * Pure: what to do with contracts whose renewal date passed, from the contracts, their sent logs,
 * their links and their companies' other contracts: roll forward, mark renewed, or lapse.
 */
export function planLapses(
  page: CrmRecord[],
  input: {
    logs: Map<string, SentEntry[]>;
    links: Map<string, ContractLinks>;
    others: Map<string, CrmRecord[]>;
    defaultOwnerId: string | undefined;
    occurredAt: string;
  },
  today: CalendarDate,
): LapsePlan {
  const { logs, links, others, occurredAt } = input;
  const plan: LapsePlan = { updates: [], lapses: [], events: [], actions: [], autoRenewed: 0, renewed: 0, lapsed: 0 };
  for (const record of page) {
    const terms = toContractTerms(record);
    if (!terms) continue;
    const link = links.get(record.id);
    const ctx = taskContextOf(record, link?.companyName);
    const contract = ctx.companyName ? `${ctx.companyName} — ${ctx.contractName}` : ctx.contractName;
    const companyEvent = (event: CompanyStatusEvent['event']) => link?.companyId && plan.events.push({ companyId: link.companyId, event, occurredAt });
    if (terms.autoRenew) {
      const term = Number(record.properties[C.termMonths]) || 12;
      const next = rollForward(terms.renewalDate, term, today);
      const end = parseHubSpotDate(record.properties[C.endDate]);
      const endNext = end ? rollForward(end, term, today) : undefined;
      plan.updates.push({ id: record.id, properties: { [C.renewalDate]: next, ...(endNext ? { [C.endDate]: endNext } : {}) } });
      plan.actions.push({ kind: 'auto-renew', contractId: record.id, contract, from: terms.renewalDate, to: next, endDate: endNext });
      companyEvent('renewed');
      plan.autoRenewed++;
      continue;
    }
    const successor = (link?.companyId ? (others.get(link.companyId) ?? []) : []).find((c) => {
      const start = parseHubSpotDate(c.properties[C.startDate]);
      return (
        c.id !== record.id &&
        OPEN_CONTRACT_STATUSES.includes(c.properties[C.status] ?? '') &&
        !!start &&
        start >= addDays(terms.renewalDate, -SUCCESSOR_SLACK_DAYS)
      );
    });
    if (successor) {
      plan.updates.push({ id: record.id, properties: { [C.status]: 'renewed' } });
      plan.actions.push({ kind: 'renewed', contractId: record.id, contract, successorId: successor.id });
      companyEvent('renewed');
      plan.renewed++;
      continue;
    }
    companyEvent('lapsed');
    plan.lapsed++;
    const key = lapseKey(terms.renewalDate);
    if ((logs.get(record.id) ?? []).some((e) => e.key === key)) {
      plan.updates.push({ id: record.id, properties: { [C.status]: 'ended' } });
      plan.actions.push({ kind: 'lapse', contractId: record.id, contract, renewalDate: terms.renewalDate, task: undefined });
      continue;
    }
    const task: TrackedTask = {
      contract: record,
      key,
      subject: `${RENEWAL_MARKER} ${contract} lapsed on ${terms.renewalDate}`,
      body: `<p>The renewal date ${terms.renewalDate} passed without a renewal, so the contract is now ended and the customer is lapsed.</p><p>Call the customer: win them back, or record why not.</p>`,
      dueDate: today,
      ownerId: record.properties.hubspot_owner_id || link?.companyOwnerId || input.defaultOwnerId,
      companyId: link?.companyId,
      dealId: link?.dealId,
      contractProperties: { [C.status]: 'ended' },
    };
    plan.lapses.push(task);
    plan.actions.push({
      kind: 'lapse',
      contractId: record.id,
      contract,
      renewalDate: terms.renewalDate,
      task: { subject: task.subject, ownerId: task.ownerId, dueDate: task.dueDate },
    });
  }
  return plan;
}

async function handlePage(page: CrmRecord[], deps: RenewalScanDeps, today: CalendarDate, result: RenewalScanResult): Promise<void> {
  const tracked = { gateway: deps.gateway, contractType: deps.types.contract, taskToContract: deps.types.taskToContract, timeZone: deps.timeZone };
  // resolvePending writes the settled logs back, so a dry run reads the logs as they stand.
  const logs = deps.dryRun ? new Map(page.map((r) => [r.id, parseSentLog(r.properties[C.remindersSent])])) : await resolvePending(page, tracked);
  const links = await loadContractLinks(
    deps.gateway,
    deps.types.contract,
    page.map((r) => r.id),
  );
  const others = await successors(deps, [...new Set([...links.values()].flatMap((l) => (l.companyId ? [l.companyId] : [])))]);
  const plan = planLapses(page, { logs, links, others, defaultOwnerId: deps.defaultOwnerId, occurredAt: deps.now().toISOString() }, today);
  result.autoRenewed += plan.autoRenewed;
  result.renewed += plan.renewed;
  result.lapsed += plan.lapsed;
  if (deps.dryRun) {
    result.planned?.push(...plan.actions);
    return;
  }
  const { updates, lapses, events } = plan;
  // The status moves first: the contract writes below take it out of this search for good. Its
  // roll-up is computed with those writes applied.
  const contractChanges = new Map<string, Properties>([
    ...updates.map((u) => [u.id, u.properties] as const),
    ...lapses.map((l) => [l.contract.id, l.contractProperties ?? {}] as const),
  ]);
  if (events.length) await deps.onStatusEvents(events, contractChanges);
  if (updates.length) await deps.gateway.updateMany(deps.types.contract, updates);
  if (lapses.length) result.remindersCreated += await createTrackedTasks(lapses, logs, tracked, today);
}

/** Contracts still open whose renewal date has passed: auto-renewed, renewed by a successor, or lapsed. */
export async function handleLapses(deps: RenewalScanDeps, today: CalendarDate, result: RenewalScanResult): Promise<void> {
  await searchAll(
    deps.gateway,
    deps.types.contract,
    [
      {
        filters: [
          { propertyName: C.status, operator: 'IN', values: OPEN_CONTRACT_STATUSES },
          { propertyName: C.renewalDate, operator: 'LT', value: String(toEpochMs(today)) },
        ],
      },
    ],
    ['hs_object_id'],
    async (found) => {
      result.searchCalls++;
      // Search may still show a contract the last run ended or rolled forward: decide on it as it is now.
      const page = await currentRecords(deps.gateway, deps.types.contract, found, CONTRACT_SCAN_PROPERTIES, (r) => {
        const renewal = parseHubSpotDate(r.properties[C.renewalDate]);
        return OPEN_CONTRACT_STATUSES.includes(r.properties[C.status] ?? '') && !!renewal && renewal < today;
      });
      if (page.length) await handlePage(page, deps, today, result);
    },
    100,
  );
}
