/** Numbers as a rep reads them in reasons. */

export const pct = (n: number): string => `${Math.round(n)} %`;

export const points = (n: number): string => {
  const r = Math.round(n);
  return `${r} point${Math.abs(r) === 1 ? '' : 's'}`;
};

export const hours = (n: number): string => `${formatNumber(n)} h`;

export const money = (amount: number, currency: string): string => `${currency} ${formatNumber(amount)}`;

export const days = (n: number): string => {
  const r = Math.floor(n);
  return `${r} day${r === 1 ? '' : 's'}`;
};

export const quoted = (name: string | null, fallback: string): string => (name ? `"${name}"` : fallback);

export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatNumber(n: number): string {
  return (Math.round(n * 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
}
