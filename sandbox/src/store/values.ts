import type { ErrorDetail } from '../errors';
import type { PropertyDef } from './types';

/**
 * Property values on the wire are strings. Writes are checked and stored in HubSpot's canonical
 * form: dates `YYYY-MM-DD`, datetimes ISO-8601, numbers as parsed, booleans `true`/`false`.
 */

export type NormalizeResult = { ok: true; value: string } | { ok: false; error: ErrorDetail };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function invalid(def: PropertyDef, code: string, message: string): NormalizeResult {
  return { ok: false, error: { message, code, context: { propertyName: [def.name] } } };
}

/** Epoch ms from what HubSpot accepts for dates and datetimes: epoch ms, `YYYY-MM-DD`, ISO. */
export function parseTime(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^-?\d+$/.test(s)) return Number(s);
  if (DATE_ONLY.test(s)) {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : undefined;
}

export function toWireString(raw: unknown): string | undefined {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/**
 * Check and canonicalise one written value. `allowedOptions` replaces the definition's options
 * for properties whose options come from elsewhere (pipelines, owners).
 */
export function normalizeValue(def: PropertyDef, raw: unknown, allowedOptions?: readonly string[]): NormalizeResult {
  const text = toWireString(raw);
  if (text === undefined) return invalid(def, 'INVALID_TYPE', `${JSON.stringify(raw)} is not a valid value for ${def.name}: values are strings.`);
  if (text === '') return { ok: true, value: '' };
  switch (def.type) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      const n = Number(text.trim());
      if (text.trim() === '' || !Number.isFinite(n)) return invalid(def, 'INVALID_DECIMAL', `${text} was not a valid number.`);
      return { ok: true, value: String(n) };
    }
    case 'bool': {
      const lower = text.trim().toLowerCase();
      if (lower !== 'true' && lower !== 'false') return invalid(def, 'INVALID_BOOLEAN', `${text} was not a valid boolean (use "true" or "false").`);
      return { ok: true, value: lower };
    }
    case 'date': {
      const ms = parseTime(text);
      if (ms === undefined) return invalid(def, 'INVALID_DATE', `${text} was not a valid date (use midnight-UTC epoch ms or YYYY-MM-DD).`);
      if (ms % DAY_MS !== 0) {
        const d = new Date(ms);
        return invalid(
          def,
          'INVALID_DATE',
          `${text} is at ${d.getUTCHours()}:${d.getUTCMinutes()}:${d.getUTCSeconds()}.${d.getUTCMilliseconds()} UTC, not midnight!`,
        );
      }
      return { ok: true, value: new Date(ms).toISOString().slice(0, 10) };
    }
    case 'datetime': {
      const ms = parseTime(text);
      if (ms === undefined) return invalid(def, 'INVALID_DATETIME', `${text} was not a valid datetime (use epoch ms or ISO-8601).`);
      return { ok: true, value: new Date(ms).toISOString() };
    }
    case 'enumeration': {
      const allowed = allowedOptions ?? (def.externalOptions && def.options.length === 0 ? undefined : def.options.map((o) => o.value));
      if (!allowed) return { ok: true, value: text };
      const values = def.fieldType === 'checkbox' ? text.split(';') : [text];
      const bad = values.filter((v) => !allowed.includes(v));
      if (bad.length > 0) {
        return invalid(def, 'INVALID_OPTION', `${bad.join(';')} was not one of the allowed options: [${allowed.join(', ')}]`);
      }
      return { ok: true, value: text };
    }
  }
}

/** Comparable number for a stored value of a time or number property (search, webhooks). */
export function storedToNumber(def: PropertyDef, value: string): number | undefined {
  if (value === '') return undefined;
  if (def.type === 'date' || def.type === 'datetime') return parseTime(value);
  if (def.type === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Webhook `propertyValue`: dates and datetimes travel as epoch-ms strings. */
export function webhookValue(def: PropertyDef | undefined, value: string): string {
  if (!def || (def.type !== 'date' && def.type !== 'datetime')) return value;
  const ms = parseTime(value);
  return ms === undefined ? value : String(ms);
}
