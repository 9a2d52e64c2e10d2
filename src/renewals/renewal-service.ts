import { todayIn, type CalendarDate } from '../dates/calendar';
import type { PortalTypes } from '../hubspot/object-types';
import type { Properties } from '../hubspot/types';
import type { Runtime } from '../runtime/runtime';
import { syncCustomerStatuses, type CompanyStatusEvent } from '../status/status-service';
import { CONTRACT_PROPERTIES as C, OPEN_CONTRACT_STATUSES } from '../model/well-known-properties';
import { loadContractLinks } from './contract-links';
import { CONTRACT_SCAN_PROPERTIES } from './contract-terms';
import { remindContracts, runRenewalScan, type RenewalScanDeps, type RenewalScanResult } from './scan';
import type { ReminderSettings } from './schedule';

export function reminderSettings(rt: Runtime): ReminderSettings {
  return {
    leadDays: rt.config.RENEWAL_LEAD_DAYS ?? rt.model.renewals.leadDays,
    noticeDeadlineReminder: rt.model.renewals.noticeDeadlineReminder,
    noticeDaysBefore: rt.model.renewals.noticeDaysBefore,
  };
}

const emptyResult = (today: CalendarDate): RenewalScanResult => ({
  today, contractsSeen: 0, remindersCreated: 0, remindersPlanned: 0, staleClosed: 0, lapsed: 0, autoRenewed: 0, renewed: 0, searchCalls: 0,
});

/** Renewals and customer status, wired to the runtime: the daily scan and contract changes. */
export function createRenewalService(rt: Runtime) {
  const sync = (types: PortalTypes, events: CompanyStatusEvent[], companyIds: string[] = [], contractChanges?: ReadonlyMap<string, Properties>) =>
    rt.locks.run(['customer-status'], () =>
      syncCustomerStatuses({ events, companyIds, ...(contractChanges ? { contractChanges } : {}) }, { gateway: rt.gateway, types, appId: rt.config.HUBSPOT_APP_ID }, rt.now()),
    );

  /**
   * Status events are applied as each page produces them, before the page's own commit writes
   * (a lapse ends the contract after its status moved), so a crash loses none.
   */
  async function deps(dryRun = false): Promise<RenewalScanDeps & { types: PortalTypes; rollups: { updated: number } }> {
    const types = await rt.portalTypes();
    const rollups = { updated: 0 };
    return {
      gateway: rt.gateway,
      types,
      settings: reminderSettings(rt),
      defaultOwnerId: rt.config.DEFAULT_OWNER_ID,
      timeZone: rt.config.PORTAL_TIMEZONE,
      logger: rt.logger,
      dryRun,
      now: rt.now,
      rollups,
      onStatusEvents: async (events: CompanyStatusEvent[], contractChanges?: ReadonlyMap<string, Properties>) => {
        if (dryRun || !events.length) return;
        rollups.updated += (await sync(types, events, [], contractChanges)).rollupsUpdated;
      },
    };
  }

  /** The daily scan; `today` defaults to the portal's calendar date. */
  async function scan(options: { today?: CalendarDate; dryRun?: boolean } = {}): Promise<RenewalScanResult & { rollupsUpdated: number }> {
    const today = options.today ?? todayIn(rt.config.PORTAL_TIMEZONE, rt.now());
    const d = await deps(options.dryRun);
    const result = await rt.locks.run(['renewal-scan'], () => runRenewalScan(d, today));
    return { ...result, rollupsUpdated: d.rollups.updated };
  }

  /**
   * A contract's renewal date or status changed (webhook): re-plan its reminders now (closing
   * those of the old date), note a renewal on the customer status, refresh the company roll-up.
   */
  async function contractsChanged(contractIds: string[]): Promise<RenewalScanResult> {
    const d = await deps();
    const today = todayIn(rt.config.PORTAL_TIMEZONE, rt.now());
    const result = emptyResult(today);
    const records = [...(await rt.gateway.readMany(d.types.contract, contractIds, CONTRACT_SCAN_PROPERTIES)).values()];
    const open = records.filter((r) => OPEN_CONTRACT_STATUSES.includes(r.properties[C.status] ?? ''));
    await rt.locks.run(contractIds.map((id) => `contract:${id}`), () => remindContracts(open, d, today, result));
    const links = await loadContractLinks(rt.gateway, d.types.contract, records.map((r) => r.id));
    const renewed = records.filter((r) => r.properties[C.status] === 'renewed');
    const events = renewed.flatMap((r) => {
      const companyId = links.get(r.id)?.companyId;
      return companyId ? [{ companyId, event: 'renewed' as const, occurredAt: rt.now().toISOString() }] : [];
    });
    const companies = [...links.values()].flatMap((l) => (l.companyId ? [l.companyId] : []));
    await sync(d.types, events, companies);
    return result;
  }

  return { scan, contractsChanged };
}
