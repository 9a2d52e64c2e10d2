/**
 * Own writes: changes made with this app's token come back as webhooks. They must not trigger the
 * gate, or the gate's own revert (and its status writes) would re-trigger it.
 *
 * HubSpot marks them `changeSource: "INTEGRATION"` (also seen: `"API"`) with `sourceId` = the app id
 * as a string. We also accept `"app:<id>"` / `"appId:<id>"`, in case the id arrives prefixed like
 * `userId:123` does (unsure; costs nothing and cannot match anything else). Another app's writes
 * carry another id and do trigger the gate; so do users (`sourceId: "userId:…"`), imports, workflows.
 *
 * Note: an event's own `appId` field is the app that *subscribed* (always us), not the author.
 * Without HUBSPOT_APP_ID nothing is recognised as an own write (the receiver warns at start-up).
 */

export const OWN_WRITE_CHANGE_SOURCES: ReadonlySet<string> = new Set(['INTEGRATION', 'API']);

export interface ChangeOrigin {
  changeSource?: string;
  sourceId?: string;
}

export function isOwnWrite(event: ChangeOrigin, appId: string | undefined): boolean {
  if (!appId || !event.changeSource || !event.sourceId) return false;
  if (!OWN_WRITE_CHANGE_SOURCES.has(event.changeSource)) return false;
  const source = event.sourceId.trim();
  if (source === appId) return true;
  const prefixed = /^app(?:id)?:\s*(\d+)$/i.exec(source);
  return prefixed?.[1] === appId;
}

/** Splits a batch into the events to act on and this app's own writes, keeping order. */
export function partitionOwnWrites<E extends ChangeOrigin>(events: readonly E[], appId: string | undefined): { others: E[]; ownWrites: E[] } {
  const others: E[] = [];
  const ownWrites: E[] = [];
  for (const event of events) (isOwnWrite(event, appId) ? ownWrites : others).push(event);
  return { others, ownWrites };
}
