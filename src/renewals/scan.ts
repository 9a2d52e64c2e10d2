import { addDays, parseHubSpotDate, toEpochMs, type CalendarDate } from '../dates/calendar';
import { BATCH_LIMIT } from '../hubspot/crm-gateway';
import { currentRecords, searchAll } from '../hubspot/search-windows';
import type { CrmRecord, SearchFilter, UpdateInput } from '../hubspot/types';
import { CONTRACT_PROPERTIES as C } from '../model/well-known-properties';
import { loadContractLinks } from './contract-links';
import { CONTRACT_SCAN_PROPERTIES, OPEN_CONTRACT_STATUSES, taskContextOf, toContractTerms } from './contract-terms';
import type { RenewalScanDeps, RenewalScanResult } from './scan-types';
import { planRenewalReminders, type Reminder, type ReminderSettings } from './schedule';
export type { RenewalScanDeps, RenewalScanResult } from './scan-types';
import { formatSentLog, parseSentLog, withoutKeys, type SentEntry } from './sent-log';
import { renewalTaskContent } from './task-content';
import { createTrackedTasks, resolvePending, type TrackedTask } from './tracked-tasks';
import { handleLapses } from './lapse';
import { dueWindowSearches, type FilterGroup } from './due-windows';

/** How far ahead the scan looks: the longest lead time, or far enough for long notice periods. */
export function scanHorizonDays(settings: ReminderSettings): number {
  return Math.max(...settings.leadDays, 180);
}

export function dateWindows(from: CalendarDate, to: CalendarDate, days: number): Array<[CalendarDate, CalendarDate]> {
  const out: Array<[CalendarDate, CalendarDate]> = [];
  for (let start = from; start <= to; start = addDays(start, days)) {
    const end = addDays(start, days - 1);
    out.push([start, end < to ? end : to]);
  }
  return out;
}

interface DueReminder {
  record: CrmRecord;
  reminder: Reminder;
}

/**
 * Plans one page of contracts: settles pending reminders, closes those of a moved renewal date,
 * and returns what is due. Their logs go into `logs` for the send that follows.
 */
async function planPage(
  page: CrmRecord[],
  deps: RenewalScanDeps,
  today: CalendarDate,
  result: RenewalScanResult,
  logs: Map<string, SentEntry[]>,
): Promise<DueReminder[]> {
  const trackedDeps = { gateway: deps.gateway, contractType: deps.types.contract, taskToContract: deps.types.taskToContract, timeZone: deps.timeZone };
  const pageLogs = deps.dryRun ? new Map(page.map((r) => [r.id, parseSentLog(r.properties[C.remindersSent])])) : await resolvePending(page, trackedDeps);
  for (const [id, log] of pageLogs) logs.set(id, log);
  const terms = page.flatMap((r) => toContractTerms(r) ?? []);
  const sent = new Map(page.map((r) => [r.id, new Set((logs.get(r.id) ?? []).map((e) => e.key))]));
  const plans = planRenewalReminders(terms, sent, today, deps.settings);
  const records = new Map(page.map((r) => [r.id, r]));
  const due = [...plans].flatMap(([id, p]) => p.due.map((reminder) => ({ record: records.get(id)!, reminder })));
  result.remindersPlanned += due.length;

  const staleTasks: UpdateInput[] = [];
  const staleContracts: UpdateInput[] = [];
  for (const [id, p] of plans) {
    if (!p.stale.length) continue;
    const entries = logs.get(id) ?? [];
    for (const e of entries) {
      if (p.stale.includes(e.key) && e.taskId) {
        staleTasks.push({
          id: e.taskId,
          properties: { hs_task_status: 'COMPLETED', hs_task_subject: `[Superseded: renewal date moved] ${e.key}` },
        });
      }
    }
    logs.set(id, withoutKeys(entries, p.stale));
    staleContracts.push({ id, properties: { [C.remindersSent]: formatSentLog(logs.get(id)!) } });
    for (const e of entries)
      if (p.stale.includes(e.key) && e.taskId) result.planned?.push({ kind: 'close-superseded', contractId: id, taskId: e.taskId, key: e.key });
  }
  // A dry run stops before the writes; its due reminders are listed by sendDue, which reads only.
  if (deps.dryRun) return due;
  if (staleTasks.length) await deps.gateway.updateMany('tasks', staleTasks);
  if (staleContracts.length) await deps.gateway.updateMany(deps.types.contract, staleContracts);
  result.staleClosed += staleTasks.length;
  return due;
}

/** Whether planning a contract would write anything: a pending line to settle, a reminder due or made stale. */
function wouldAct(record: CrmRecord, settings: ReminderSettings, today: CalendarDate): boolean {
  const log = parseSentLog(record.properties[C.remindersSent]);
  if (log.some((e) => e.state === 'pending')) return true;
  const terms = toContractTerms(record);
  if (!terms) return false;
  const plan = planRenewalReminders([terms], new Map([[record.id, new Set(log.map((e) => e.key))]]), today, settings).get(record.id);
  return !!plan && (plan.due.length > 0 || plan.stale.length > 0);
}

/** Sends due reminders, gathered from any number of pages, in full batches. */
async function sendDue(
  due: DueReminder[],
  logs: Map<string, SentEntry[]>,
  deps: RenewalScanDeps,
  today: CalendarDate,
  result: RenewalScanResult,
): Promise<void> {
  if (!due.length) return;
  const trackedDeps = { gateway: deps.gateway, contractType: deps.types.contract, taskToContract: deps.types.taskToContract, timeZone: deps.timeZone };
  const links = await loadContractLinks(deps.gateway, deps.types.contract, [...new Set(due.map((d) => d.record.id))]);
  const items: TrackedTask[] = due.map(({ record, reminder }) => {
    const link = links.get(record.id);
    const content = renewalTaskContent(reminder, taskContextOf(record, link?.companyName), today);
    return {
      contract: record,
      key: reminder.key,
      ...content,
      ownerId: record.properties.hubspot_owner_id || link?.companyOwnerId || deps.defaultOwnerId,
      companyId: link?.companyId,
      dealId: link?.dealId,
    };
  });
  if (deps.dryRun) {
    result.planned?.push(
      ...items.map((i) => ({
        kind: 'reminder' as const,
        contractId: i.contract.id,
        contract: taskContextOf(i.contract, undefined).contractName,
        subject: i.subject,
        ownerId: i.ownerId,
        dueDate: i.dueDate,
      })),
    );
    return;
  }
  // The customer status moves before the tasks: once their keys are sent, no later run would
  // emit this event again, whereas a status moved twice is a no-op.
  const windowOpened = due
    .filter((d) => d.reminder.kind === 'lead')
    .flatMap(({ record }) => {
      const companyId = links.get(record.id)?.companyId;
      return companyId ? [{ companyId, event: 'renewal_window_opened' as const, occurredAt: deps.now().toISOString() }] : [];
    });
  if (windowOpened.length) await deps.onStatusEvents(windowOpened);
  result.remindersCreated += await createTrackedTasks(items, logs, trackedDeps, today);
}

/** Plans and sends the reminders of some contracts now (a contract changed). */
export async function remindContracts(records: CrmRecord[], deps: RenewalScanDeps, today: CalendarDate, result: RenewalScanResult): Promise<void> {
  const logs = new Map<string, SentEntry[]>();
  await sendDue(await planPage(records, deps, today, result, logs), logs, deps, today, result);
}

/** One search of the scan: its filter groups, and what a contract read again must still match. */
interface ScanSearch {
  groups: FilterGroup[];
  stillMatches: (record: CrmRecord) => boolean;
}

const renewsBetween = (start: CalendarDate, end: CalendarDate) => (r: CrmRecord) => {
  const renewal = parseHubSpotDate(r.properties[C.renewalDate]);
  return OPEN_CONTRACT_STATUSES.includes(r.properties[C.status] ?? '') && !!renewal && renewal >= start && renewal <= end;
};

/**
 * Which contracts a scan reads. `full`: every open contract renewing within the horizon, in date
 * windows. `since` a date: only those with a reminder that can fall due after it (see
 * due-windows.ts); the full scan stays the backstop for what that cannot see (a reminder missed
 * before `since`, a pending line older than it, a renewal date moved without a webhook).
 */
export type ScanScope = { kind: 'full' } | { kind: 'since'; since: CalendarDate };

function scanSearches(scope: ScanScope, deps: RenewalScanDeps, today: CalendarDate): ScanSearch[] {
  const horizonDays = scanHorizonDays(deps.settings);
  const horizon = addDays(today, horizonDays);
  if (scope.kind === 'since') {
    return dueWindowSearches(scope.since, today, deps.settings, horizonDays).map((groups) => ({ groups, stillMatches: renewsBetween(today, horizon) }));
  }
  const open: SearchFilter = { propertyName: C.status, operator: 'IN', values: OPEN_CONTRACT_STATUSES };
  return dateWindows(today, horizon, deps.windowDays ?? 90).map(([start, end]) => ({
    groups: [{ filters: [open, { propertyName: C.renewalDate, operator: 'BETWEEN', value: String(toEpochMs(start)), highValue: String(toEpochMs(end)) }] }],
    stillMatches: renewsBetween(start, end),
  }));
}

/** A scan that has found nothing yet. */
export const emptyScanResult = (today: CalendarDate): RenewalScanResult => ({
  today,
  contractsSeen: 0,
  remindersCreated: 0,
  remindersPlanned: 0,
  staleClosed: 0,
  lapsed: 0,
  autoRenewed: 0,
  renewed: 0,
  searchCalls: 0,
});

/**
 * The daily renewal scan: reminders for open contracts renewing within the horizon (all of them,
 * or those that can fall due since the last scan), each search paged past the 10,000 cap if it
 * must be, at the gateway's search pace; then contracts whose renewal date passed are renewed
 * automatically, marked renewed, or lapsed.
 */
export async function runRenewalScan(deps: RenewalScanDeps, today: CalendarDate, scope: ScanScope = { kind: 'full' }): Promise<RenewalScanResult> {
  const result: RenewalScanResult = { ...emptyScanResult(today), ...(deps.dryRun ? { planned: [] } : {}) };
  // Due reminders are gathered across search pages (a page of 200 contracts has few due on any
  // day) and sent a full batch at a time.
  let logs = new Map<string, SentEntry[]>();
  let due: DueReminder[] = [];
  const flush = async () => {
    const [sending, sendingLogs] = [due, logs];
    [due, logs] = [[], new Map()];
    await sendDue(sending, sendingLogs, deps, today, result);
  };
  // A contract two searches find (a lead window and a notice band) is planned once.
  const planned = new Set<string>();
  for (const { groups, stillMatches } of scanSearches(scope, deps, today)) {
    await searchAll(deps.gateway, deps.types.contract, groups, CONTRACT_SCAN_PROPERTIES, async (found) => {
      result.searchCalls++;
      result.contractsSeen += found.length;
      // Search may show a contract as it was before the last run wrote to it (its sent log above
      // all): those the scan would act on are read by id and planned as they are now.
      const acting = found.filter((r) => !planned.has(r.id) && wouldAct(r, deps.settings, today));
      const page = acting.length ? await currentRecords(deps.gateway, deps.types.contract, acting, CONTRACT_SCAN_PROPERTIES, stillMatches) : [];
      for (const r of page) planned.add(r.id);
      due.push(...(await planPage(page, deps, today, result, logs)));
      if (due.length >= BATCH_LIMIT) await flush();
    });
  }
  await flush();
  await handleLapses(deps, today, result);
  return result;
}
