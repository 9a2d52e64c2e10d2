import { HubSpotError } from '../hubspot/errors';
import { ModelError } from '../model';
import { ApplyError } from './apply-plan';
import { describeTarget } from './describe-target';

/** HubSpot's own details for a rejected call: its per-field messages and the correlation id support asks for. */
function hubSpotDetails(err: HubSpotError): string[] {
  const details = (err.body?.errors ?? [])
    .map((e) => e.message)
    .filter((m): m is string => !!m && m !== err.body?.message)
    .map((m) => `  HubSpot: ${m}`);
  if (err.body?.correlationId) details.push(`  correlationId: ${err.body.correlationId}`);
  return details;
}

/** Every failure the CLI can meet, as lines that say what failed, on what, and how to go on. */
export function describeFailure(err: unknown): string {
  if (err instanceof ModelError) return `${err.message}\nFix the files above and run again; nothing was changed in HubSpot.`;
  if (err instanceof ApplyError) {
    const [first, ...more] = err.changes;
    const what = first ? `${describeTarget(first.target)}${more.length ? ` (and ${more.length} more in the same batch)` : ''}` : 'a change';
    const cause = err.cause instanceof HubSpotError ? [err.cause.message, ...hubSpotDetails(err.cause)] : [err.message];
    const done = err.summary.created + err.summary.updated + err.summary.existed;
    return [
      `Apply failed on ${what}:`,
      ...cause,
      `${done} change(s) were applied before the failure. Run apply again: it re-reads the portal and completes the rest without duplicating anything.`,
    ].join('\n');
  }
  if (err instanceof HubSpotError) return [err.message, ...hubSpotDetails(err)].join('\n');
  return err instanceof Error ? `Unexpected error: ${err.stack ?? err.message}` : `Unexpected error: ${String(err)}`;
}
