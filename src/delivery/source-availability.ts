import { HubSpotError } from '../hubspot/errors';
import type { Logger } from '../logger';

export type SourceName = 'tickets' | 'invoices' | 'projects';

/** What to do about a source the portal refuses, in the admin's words. */
const FIX: Record<SourceName, string> = {
  tickets: 'add the scope `tickets` to the private app, or set sources.tickets.enabled false in schemas/delivery-health.json',
  invoices:
    'add the scope `crm.objects.invoices.read` to the private app; if this portal has no Commerce Hub invoices, set sources.invoices.enabled false in schemas/delivery-health.json',
  projects:
    'add the scope `crm.objects.projects.read`, or set sources.projects.enabled false in schemas/delivery-health.json (this portal may not have the Projects object)',
};

/** What the assessment says instead of the figures of a source the portal refused. */
const REASON: Record<SourceName, (status: number) => string> = {
  tickets: (s) => `HubSpot refused to read tickets (${s}): the app lacks the tickets scope`,
  invoices: (s) => `HubSpot refused to read invoices (${s}): this portal has no Commerce Hub invoices, or the app lacks crm.objects.invoices.read`,
  projects: (s) => `HubSpot refused to read projects (${s}): this portal has no Projects object, or the app lacks its scope`,
};

/**
 * A portal without invoices (or projects, or the tickets scope) answers 403 or 404 on first use.
 * That is a fact about the portal, not a passing failure: the source is marked unavailable for
 * the life of the process, logged once at warn with the fix, and no longer asked. Anything else
 * (a 5xx after retries, a 429) is thrown, so the run fails loudly and the next one tries again.
 */
export class SourceAvailability {
  private readonly refused = new Map<SourceName, string>();

  constructor(private readonly logger: Logger) {}

  unavailable(source: SourceName): string | undefined {
    return this.refused.get(source);
  }

  /** Runs `readSource`; on a 403/404 marks the source and answers undefined. */
  async guard<T>(source: SourceName, readSource: () => Promise<T>): Promise<T | undefined> {
    if (this.refused.has(source)) return undefined;
    try {
      return await readSource();
    } catch (err) {
      if (!(err instanceof HubSpotError) || (err.status !== 403 && err.status !== 404)) throw err;
      if (!this.refused.has(source)) {
        this.refused.set(source, REASON[source](err.status));
        this.logger.warn(
          { source, status: err.status, operation: err.operation },
          `Delivery health: ${source} cannot be read in this portal (${err.status}); assessing without them. To fix: ${FIX[source]}.`,
        );
      }
      return undefined;
    }
  }
}
