import type { KeyedLock } from '../concurrency/keyed-lock';
import { daysBetween, todayIn, type CalendarDate } from '../dates/calendar';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { Properties } from '../hubspot/types';
import type { Logger } from '../logger';
import type { RenewalSettings } from '../model/renewals-schema';
import { CONTRACT_PROPERTIES as C, OPEN_CONTRACT_STATUSES } from '../model/well-known-properties';
import type { CustomerStatusService } from '../status/customer-status-service';
import type { CompanyStatusEvent } from '../status/status-service';
import { loadContractLinks } from './contract-links';
import { CONTRACT_SCAN_PROPERTIES } from './contract-terms';
import { emptyScanResult, remindContracts, runRenewalScan, type RenewalScanDeps, type RenewalScanResult, type ScanScope } from './scan';
import type { ReminderSettings } from './schedule';

/** schemas/renewals.json, with RENEWAL_LEAD_DAYS replacing its lead days when set. */
export function reminderSettings(renewals: RenewalSettings, leadDays: number[] | undefined): ReminderSettings {
  return {
    leadDays: leadDays ?? renewals.leadDays,
    noticeDeadlineReminder: renewals.noticeDeadlineReminder,
    noticeDaysBefore: renewals.noticeDaysBefore,
  };
}

export interface RenewalServiceDeps {
  gateway: CrmGateway;
  types: PortalTypes;
  locks: KeyedLock;
  settings: ReminderSettings;
  /** Customer statuses follow renewals: renewal window, renewed, lapsed. */
  statuses: Pick<CustomerStatusService, 'sync'>;
  defaultOwnerId: string | undefined;
  /** PORTAL_TIMEZONE: today is the portal's calendar date; tasks fall due at 09:00 there. */
  timeZone: string;
  logger: Logger;
  clock: () => Date;
}

/** The full-horizon scan runs at least this often, as the backstop of the scans in between. */
export const FULL_SCAN_EVERY_DAYS = 7;

export interface ScanOptions {
  today?: CalendarDate;
  dryRun?: boolean;
  /** Read the whole horizon, whatever the last scan was. */
  full?: boolean;
  /** Read only contracts with a reminder that can fall due after this day (the last scan's). */
  since?: CalendarDate;
}

/**
 * What a scan reads. A process remembers the days of its last completed scan and last full scan
 * (memory only: HubSpot stays the record; forgetting costs one full scan, never a reminder): with
 * no memory (a start, a new leader), a week after the last full scan, or when asked, the whole
 * horizon; otherwise only what can fall due since the last scan, however many days ago it was.
 */
export function chooseScope(options: ScanOptions, today: CalendarDate, memory: { lastScan?: CalendarDate; lastFull?: CalendarDate }): ScanScope {
  if (options.since && !options.full) return { kind: 'since', since: options.since };
  const { lastScan, lastFull } = memory;
  if (options.full || !lastScan || !lastFull || lastScan > today || daysBetween(lastFull, today) >= FULL_SCAN_EVERY_DAYS) return { kind: 'full' };
  return { kind: 'since', since: lastScan };
}

/** Renewals and the customer statuses they move: the daily scan and contract changes. */
export function createRenewalService(deps: RenewalServiceDeps) {
  const { gateway, types, locks, clock } = deps;
  const sync = (events: CompanyStatusEvent[], companyIds: string[] = [], contractChanges?: ReadonlyMap<string, Properties>) =>
    deps.statuses.sync({ events, companyIds, ...(contractChanges ? { contractChanges } : {}) }, clock());

  /**
   * Status events are applied as each page produces them, before the page's own commit writes
   * (a lapse ends the contract after its status moved), so a crash loses none.
   */
  function scanDeps(dryRun = false): RenewalScanDeps & { rollups: { updated: number } } {
    const rollups = { updated: 0 };
    return {
      gateway,
      types,
      settings: deps.settings,
      defaultOwnerId: deps.defaultOwnerId,
      timeZone: deps.timeZone,
      logger: deps.logger,
      dryRun,
      now: clock,
      rollups,
      onStatusEvents: async (events: CompanyStatusEvent[], contractChanges?: ReadonlyMap<string, Properties>) => {
        if (dryRun || !events.length) return;
        rollups.updated += (await sync(events, [], contractChanges)).rollupsUpdated;
      },
    };
  }

  const memory: { lastScan?: CalendarDate; lastFull?: CalendarDate } = {};

  /** The daily scan; `today` defaults to the portal's calendar date. */
  async function scan(options: ScanOptions = {}): Promise<RenewalScanResult & { rollupsUpdated: number; scope: ScanScope }> {
    const today = options.today ?? todayIn(deps.timeZone, clock());
    const d = scanDeps(options.dryRun);
    return locks.run(['renewal-scan'], async () => {
      const scope = chooseScope(options, today, memory);
      const result = await runRenewalScan(d, today, scope);
      if (!options.dryRun) {
        if (!memory.lastScan || today > memory.lastScan) memory.lastScan = today;
        if (scope.kind === 'full' && (!memory.lastFull || today > memory.lastFull)) memory.lastFull = today;
      }
      return { ...result, rollupsUpdated: d.rollups.updated, scope };
    });
  }

  /**
   * A contract's renewal date or status changed (webhook): re-plan its reminders now (closing
   * those of the old date), note a renewal on the customer status, refresh the company roll-up.
   */
  async function contractsChanged(contractIds: string[]): Promise<RenewalScanResult> {
    const d = scanDeps();
    const today = todayIn(deps.timeZone, clock());
    const result = emptyScanResult(today);
    const records = [...(await gateway.readMany(types.contract, contractIds, CONTRACT_SCAN_PROPERTIES)).values()];
    const open = records.filter((r) => OPEN_CONTRACT_STATUSES.includes(r.properties[C.status] ?? ''));
    await locks.run(
      contractIds.map((id) => `contract:${id}`),
      () => remindContracts(open, d, today, result),
    );
    const links = await loadContractLinks(
      gateway,
      types.contract,
      records.map((r) => r.id),
    );
    const renewed = records.filter((r) => r.properties[C.status] === 'renewed');
    const events = renewed.flatMap((r) => {
      const companyId = links.get(r.id)?.companyId;
      return companyId ? [{ companyId, event: 'renewed' as const, occurredAt: clock().toISOString() }] : [];
    });
    const companies = [...links.values()].flatMap((l) => (l.companyId ? [l.companyId] : []));
    await sync(events, companies);
    return result;
  }

  return { scan, contractsChanged };
}

export type RenewalService = ReturnType<typeof createRenewalService>;
