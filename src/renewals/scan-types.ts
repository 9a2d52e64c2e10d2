import type { CalendarDate } from '../dates/calendar';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { Properties } from '../hubspot/types';
import type { Logger } from '../logger';
import type { CompanyStatusEvent } from '../status/status-service';
import type { ReminderSettings } from './schedule';

export interface RenewalScanDeps {
  gateway: CrmGateway;
  types: Pick<PortalTypes, 'contract' | 'taskToContract'>;
  settings: ReminderSettings;
  defaultOwnerId: string | undefined;
  /** PORTAL_TIMEZONE: tasks fall due at 09:00 there. */
  timeZone: string;
  logger: Logger;
  /**
   * Applies customer status events (renewal window, renewed, lapsed); `contractChanges` are the
   * contract writes that follow, so the company roll-up is computed as it will be.
   */
  onStatusEvents: (events: CompanyStatusEvent[], contractChanges?: ReadonlyMap<string, Properties>) => Promise<unknown>;
  dryRun?: boolean;
  windowDays?: number;
  now: () => Date;
}

/** One write the scan would make, as a dry run lists it. */
export type RenewalAction =
  | { kind: 'reminder'; contractId: string; contract: string; subject: string; ownerId: string | undefined; dueDate: CalendarDate }
  | { kind: 'close-superseded'; contractId: string; taskId: string; key: string }
  | { kind: 'auto-renew'; contractId: string; contract: string; from: CalendarDate; to: CalendarDate; endDate: CalendarDate | undefined }
  | { kind: 'renewed'; contractId: string; contract: string; successorId: string }
  | {
      kind: 'lapse';
      contractId: string;
      contract: string;
      renewalDate: CalendarDate;
      task: { subject: string; ownerId: string | undefined; dueDate: CalendarDate } | undefined;
    };

export interface RenewalScanResult {
  today: CalendarDate;
  contractsSeen: number;
  remindersCreated: number;
  remindersPlanned: number;
  staleClosed: number;
  lapsed: number;
  autoRenewed: number;
  renewed: number;
  searchCalls: number;
  /** In a dry run: every write the real run would make, in order; nothing was written. */
  planned?: RenewalAction[];
}
