import { parseHubSpotDate } from '../dates/calendar';

/** HubSpot property values as assessDelivery's inputs take them: strings in, numbers and Dates out. */

export function numberOf(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Date properties (YYYY-MM-DD or midnight-UTC epoch ms) and datetimes (ISO) alike. */
export function dateOf(value: string | null | undefined): Date | null {
  if (!value) return null;
  const day = parseHubSpotDate(value);
  if (day && !/T/.test(value)) return new Date(`${day}T00:00:00.000Z`);
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | null {
  return value !== null && value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export const textOf = (value: string | null | undefined): string | null => (value && value.trim() ? value : null);
