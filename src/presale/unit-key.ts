/**
 * A pre-sale unit's key: `playbook:<dealId>:<stageId>:<unitId>`. The same deal entering the same
 * stage gives the same key, whatever moved it and however often the event comes, so the task is
 * made once: the key goes out as the create's objectWriteTraceId and into the task body, where the
 * next run (or a retry after a failed create) finds it.
 */

export const PLAYBOOK_MARKER = '[Throughline playbook]';

export interface UnitKeyParts {
  dealId: string;
  stageId: string;
  unitId: string;
}

export const unitKey = ({ dealId, stageId, unitId }: UnitKeyParts): string => `playbook:${dealId}:${stageId}:${unitId}`;

// Deal ids are digits and unit ids HubSpot-style names, so the stage id is whatever lies between.
const KEY = /^playbook:(\d+):(.+):([a-z][a-z0-9_]*)$/;

export function parseUnitKey(key: string): UnitKeyParts | undefined {
  const m = KEY.exec(key.trim());
  return m ? { dealId: m[1]!, stageId: m[2]!, unitId: m[3]! } : undefined;
}

const LINE_PREFIX = 'playbook-key:';

/** The line a unit's task body ends with. */
export const unitKeyLine = (key: string): string => `${LINE_PREFIX}${key}`;

/** The unit key a task body carries, if it is one of ours. */
export function unitKeyInBody(body: string | null | undefined): string | undefined {
  if (!body) return undefined;
  const at = body.lastIndexOf(LINE_PREFIX);
  if (at < 0) return undefined;
  const candidate = /^[^\s<]+/.exec(body.slice(at + LINE_PREFIX.length))?.[0];
  return candidate && parseUnitKey(candidate) ? candidate : undefined;
}
