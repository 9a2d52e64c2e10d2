import { formatAmount } from './format';

/** Money, hours and percentages for the delivery figures, in the words a rep reads. */

/** 12500, 'USD' → `$12,500`; without a (valid) currency code, the plain amount. */
export function formatMoney(value: number, currency: string | null): string {
  if (currency) {
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
    } catch {
      // An unknown code: fall through to the amount with the code after it.
    }
  }
  return `${formatAmount(Math.round(value))}${currency ? ` ${currency}` : ''}`;
}

/** 34.6 → `35%`. */
export const formatPercent = (value: number) => `${Math.round(value)}%`;

/** 1150 → `1,150 hours`, 1 → `1 hour`. */
export function formatHours(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${formatAmount(rounded)} ${rounded === 1 ? 'hour' : 'hours'}`;
}

/** 4.25 → `4.3 points`. */
export function formatPoints(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${rounded === 1 ? 'point' : 'points'}`;
}

export const NOT_ENOUGH_DATA = 'Not enough data to say';
