import { addDays, toEpochMs, type CalendarDate } from '../dates/calendar';
import type { SearchFilter } from '../hubspot/types';
import { CONTRACT_PROPERTIES as C, OPEN_CONTRACT_STATUSES } from '../model/well-known-properties';
import type { ReminderSettings } from './schedule';

export type FilterGroup = { filters: SearchFilter[] };

/** Notice periods people write most (exactly 30, 60, 90 days): searched on their own, the ranges between in bands. */
const COMMON_NOTICE_DAYS = [30, 60, 90];
/** HubSpot takes at most 5 filter groups and 18 filters in all in one search. */
export const GROUPS_PER_SEARCH = 5;
export const FILTERS_PER_SEARCH = 18;

const between = (propertyName: string, low: number | CalendarDate, high: number | CalendarDate): SearchFilter => ({
  propertyName,
  operator: 'BETWEEN',
  value: String(typeof low === 'number' ? low : toEpochMs(low)),
  highValue: String(typeof high === 'number' ? high : toEpochMs(high)),
});
const open: SearchFilter = { propertyName: C.status, operator: 'IN', values: OPEN_CONTRACT_STATUSES };
const autoRenewing: SearchFilter = { propertyName: C.autoRenew, operator: 'EQ', value: 'true' };

/** Notice-period bands 1…max: each common period alone, the ranges between as bands. */
export function noticeBands(maxDays: number): Array<[number, number]> {
  const bands: Array<[number, number]> = [];
  let from = 1;
  for (const d of COMMON_NOTICE_DAYS.filter((n) => n <= maxDays)) {
    if (from <= d - 1) bands.push([from, d - 1]);
    bands.push([d, d]);
    from = d + 1;
  }
  if (from <= maxDays) bands.push([from, maxDays]);
  return bands;
}

/**
 * Pure: the searches for contracts with a reminder that can fall due on a day after `since` up to
 * `today` (the days since the last scan), within the scan's horizon. A lead reminder N days ahead
 * falls due on day d when the renewal is d + N; a notice reminder when the renewal is
 * d + notice period + noticeDaysBefore, so notice periods are searched in bands, each with the
 * renewal dates its band can reach. Contracts entering the horizon are searched too, with a notice
 * too long for a band: their reminder was due before the horizon reached them, and the full scan
 * sends it the day it does. Groups are OR'ed, as many to a search as HubSpot allows.
 */
export function dueWindowSearches(since: CalendarDate, today: CalendarDate, settings: ReminderSettings, horizonDays: number): FilterGroup[][] {
  const first = addDays(since, 1);
  if (first > today) return [];
  const groups: FilterGroup[] = [...new Set(settings.leadDays)]
    .filter((n) => n <= horizonDays)
    .map((n) => ({ filters: [open, between(C.renewalDate, addDays(first, n), addDays(today, n))] }));
  if (settings.noticeDeadlineReminder) {
    const before = settings.noticeDaysBefore;
    const longest = horizonDays - before;
    for (const [low, high] of noticeBands(longest)) {
      groups.push({
        filters: [open, autoRenewing, between(C.noticeDays, low, high), between(C.renewalDate, addDays(first, low + before), addDays(today, high + before))],
      });
    }
    groups.push({
      filters: [
        open,
        autoRenewing,
        { propertyName: C.noticeDays, operator: 'GT', value: String(longest) },
        between(C.renewalDate, addDays(first, horizonDays), addDays(today, horizonDays)),
      ],
    });
  }
  return packGroups(groups);
}

/** Groups into as few searches as HubSpot's limits allow; each group gets one more filter (the id cursor). */
export function packGroups(groups: FilterGroup[]): FilterGroup[][] {
  const searches: FilterGroup[][] = [];
  let current: FilterGroup[] = [];
  let filters = 0;
  for (const g of groups) {
    const size = g.filters.length + 1;
    if (current.length && (current.length === GROUPS_PER_SEARCH || filters + size > FILTERS_PER_SEARCH)) {
      searches.push(current);
      [current, filters] = [[], 0];
    }
    current.push(g);
    filters += size;
  }
  if (current.length) searches.push(current);
  return searches;
}
