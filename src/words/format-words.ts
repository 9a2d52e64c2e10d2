/**
 * Dates, times and money for people: what task bodies, notes, logs, the CLI and the cards show.
 * Pure: the same value, time zone and currency give the same words on every machine (a fixed
 * English locale, never the server's).
 */

const LOCALE = 'en-GB';

/** `2026-11-20T09:59:00Z` in Europe/Berlin → `20 Nov 2026, 10:59 CET`; unparseable → as given. */
export function formatDateTime(value: string | null | undefined, timeZone: string): string | null {
  if (!value) return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) return value;
  const parts = new Intl.DateTimeFormat(LOCALE, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

/** 180000 and EUR → `€180,000`; cents shown only when there are any; no currency → the number alone. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string | null {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return null;
  const whole = Number.isInteger(amount);
  const options: Intl.NumberFormatOptions = { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 };
  try {
    if (currency) return new Intl.NumberFormat(LOCALE, { ...options, style: 'currency', currency, currencyDisplay: 'symbol' }).format(amount);
  } catch {
    // An unknown currency code: say it, rather than drop it.
    return `${new Intl.NumberFormat(LOCALE, options).format(amount)} ${currency}`;
  }
  return new Intl.NumberFormat(LOCALE, options).format(amount);
}

/** An owner's name as HubSpot shows it, else the email, else undefined. */
export function ownerName(owner: { firstName?: string; lastName?: string; email?: string } | undefined): string | undefined {
  if (!owner) return undefined;
  const name = [owner.firstName, owner.lastName]
    .filter((s) => s && s.trim())
    .join(' ')
    .trim();
  return name || owner.email || undefined;
}
