/**
 * A tracked task carries its key in a grey last line of its body (`<label>:<key>`), so the task an
 * earlier run (or a create HubSpot applied without answering) made can be found again by key.
 */
export function withKeyMarker(body: string, key: string, label: string): string {
  return `${body}<p style="color:#999">${label}:${key}</p>`;
}

/** The key a task body carries under `label`, if any. */
export function keyMarkerOf(body: string | null | undefined, label: string): string | undefined {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}:(\\S+?)<`).exec(body ?? '')?.[1];
}
