import { formatDateTime, formatMoney, ownerName } from '../../../src/words/format-words';

describe('formatDateTime', () => {
  it('says the time in the portal’s time zone, with the zone', () => {
    expect(formatDateTime('2026-11-20T09:59:00Z', 'Europe/Berlin')).toBe('20 Nov 2026, 10:59 CET');
    expect(formatDateTime('2026-11-20T23:30:00Z', 'Europe/Berlin')).toBe('21 Nov 2026, 00:30 CET');
    expect(formatDateTime('2026-07-01T12:00:00Z', 'UTC')).toBe('1 Jul 2026, 12:00 UTC');
  });
  it('reads epoch milliseconds as HubSpot sends them; leaves what it cannot read', () => {
    expect(formatDateTime(String(Date.UTC(2026, 10, 20, 9, 59)), 'UTC')).toBe('20 Nov 2026, 09:59 UTC');
    expect(formatDateTime('soon', 'UTC')).toBe('soon');
    expect(formatDateTime(null, 'UTC')).toBeNull();
  });
});

describe('formatMoney', () => {
  it('shows the currency, and cents only when there are some', () => {
    expect(formatMoney(180000, 'EUR')).toBe('€180,000');
    expect(formatMoney(1234.5, 'GBP')).toBe('£1,234.50');
    expect(formatMoney(99, 'USD')).toBe('US$99');
  });
  it('no amount, nothing; no currency, the number alone', () => {
    expect(formatMoney(null, 'EUR')).toBeNull();
    expect(formatMoney(5000, null)).toBe('5,000');
  });
});

describe('ownerName', () => {
  it('first and last name, else the email', () => {
    expect(ownerName({ firstName: 'Priya', lastName: 'Shah', email: 'p@x' })).toBe('Priya Shah');
    expect(ownerName({ email: 'p@x' })).toBe('p@x');
    expect(ownerName(undefined)).toBeUndefined();
  });
});
