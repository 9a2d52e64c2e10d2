import { addDays, addMonths, atLocalTime, daysBetween, isCalendarDate, parseHubSpotDate, todayIn } from '../../src/dates/calendar';

describe('calendar dates', () => {
  it('adds days across month ends, leap days and DST changes', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28'); // EU DST starts 2026-03-29
    expect(addDays('2026-11-01', -90)).toBe('2026-08-03');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 14)).toBe('2029-01-15');
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
  });

  it('reads today in the portal time zone', () => {
    const now = new Date('2026-11-21T23:30:00Z');
    expect(todayIn('UTC', now)).toBe('2026-11-21');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-11-22');
    expect(todayIn('America/Los_Angeles', now)).toBe('2026-11-21');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-11-21T10:00:00Z'))).toBe('2026-11-22');
  });

  it('parses HubSpot date values and rejects the rest', () => {
    expect(parseHubSpotDate('2027-03-01')).toBe('2027-03-01');
    expect(parseHubSpotDate(String(Date.UTC(2027, 2, 1)))).toBe('2027-03-01');
    expect(parseHubSpotDate('2027-03-01T00:00:00.000Z')).toBe('2027-03-01');
    expect(parseHubSpotDate('2027-02-30')).toBeUndefined();
    expect(parseHubSpotDate('next tuesday')).toBeUndefined();
    expect(parseHubSpotDate(null)).toBeUndefined();
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(() => addDays('2027-13-01', 1)).toThrow(/not a calendar date/);
  });
});

describe('atLocalTime', () => {
  it('finds 09:00 on a date in the portal time zone, across DST', () => {
    expect(atLocalTime('2027-01-15', 9, 'UTC').toISOString()).toBe('2027-01-15T09:00:00.000Z');
    expect(atLocalTime('2027-01-15', 9, 'Europe/Berlin').toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(atLocalTime('2027-07-15', 9, 'Europe/Berlin').toISOString()).toBe('2027-07-15T07:00:00.000Z');
    expect(atLocalTime('2027-03-28', 9, 'Europe/Berlin').toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(atLocalTime('2027-07-15', 9, 'America/Los_Angeles').toISOString()).toBe('2027-07-15T16:00:00.000Z');
    expect(atLocalTime('2027-07-15', 9, 'Australia/Sydney').toISOString()).toBe('2027-07-14T23:00:00.000Z');
  });
});
