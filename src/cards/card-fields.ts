import { addDays, daysBetween, parseHubSpotDate, todayIn, type CalendarDate } from '../dates/calendar';
import { isFilled } from '../gate/evaluate';
import type { Properties } from '../hubspot/types';
import { objectByRole, type Model } from '../model';
import { CONTRACT_PROPERTIES as C, CUSTOMER_STATUS_PROPERTIES as S, SCOPE_PROPERTIES as SC } from '../model/well-known-properties';
import { formatMoney } from '../words/format-words';
import type { CardContract } from './card-data';

/** A property's trimmed value, or null when empty. */
export const text = (p: Properties, name: string): string | null => (isFilled(p[name]) ? p[name]!.trim() : null);

/** A numeric property, or null when empty or not a number. */
export const num = (p: Properties, name: string): number | null => {
  const n = Number(p[name]);
  return isFilled(p[name]) && Number.isFinite(n) ? n : null;
};

/** The labels schemas/ gives the status options, so the cards speak the admin's words. */
export interface StatusLabels {
  scope: Record<string, string>;
  contract: Record<string, string>;
  customerStatus: Record<string, string>;
}

function optionLabels(model: Model, role: 'scope' | 'contract' | 'customer_status', property: string): Record<string, string> {
  const def = objectByRole(model, role).properties.find((p) => p.name === property);
  return Object.fromEntries((def?.options ?? []).map((o) => [o.value, o.label]));
}

export function statusLabels(model: Model): StatusLabels {
  return {
    scope: optionLabels(model, 'scope', SC.status),
    contract: optionLabels(model, 'contract', C.status),
    customerStatus: optionLabels(model, 'customer_status', S.status),
  };
}

/** `at_risk` → the schema's label, else a readable fallback ("At risk"). */
export function labelOf(labels: Record<string, string>, value: string | null): string | null {
  if (value === null) return null;
  return labels[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
}

/** The calendar day of a timestamp (ISO or epoch ms) in the portal's time zone. */
export const dayIn = (timeZone: string, iso: string | null | undefined): CalendarDate | null => {
  if (!iso) return null;
  const ms = /^\d+$/.test(iso) ? Number(iso) : Date.parse(iso);
  return Number.isFinite(ms) ? todayIn(timeZone, new Date(ms)) : null;
};

/** The currency a deal's amounts are in: its own deal_currency_code, else the portal's. */
export const dealCurrency = (deal: { properties: Properties } | undefined, portalCurrency: string): string =>
  text(deal?.properties ?? {}, 'deal_currency_code') ?? portalCurrency;

/** A contract as the cards show it: term, renewal with days to go, auto-renew, notice deadline, value. */
export function cardContract(record: { id: string; properties: Properties }, today: CalendarDate, labels: StatusLabels, currency: string): CardContract {
  const p = record.properties;
  const renewal = parseHubSpotDate(p[C.renewalDate]);
  const notice = num(p, C.noticeDays);
  const autoRenew = p[C.autoRenew] === 'true';
  const status = text(p, C.status);
  return {
    id: record.id,
    name: text(p, C.name) ?? `Contract ${record.id}`,
    status,
    statusLabel: labelOf(labels.contract, status),
    startDate: parseHubSpotDate(p[C.startDate]) ?? null,
    termMonths: num(p, C.termMonths),
    renewalDate: renewal ?? null,
    daysToRenewal: renewal ? daysBetween(today, renewal) : null,
    autoRenew,
    noticeDays: notice,
    noticeDeadline: renewal && autoRenew && notice !== null ? addDays(renewal, -notice) : null,
    value: num(p, C.value),
    valueText: formatMoney(num(p, C.value), currency),
  };
}

/** The contract a card shows among several: the active one, else the first. */
export function pickContract<T extends { properties: Properties }>(records: T[]): T | undefined {
  return records.find((c) => c.properties[C.status] === 'active') ?? records[0];
}

/** The scope a card shows among several: the approved one, else the most recent. */
export function pickScope<T extends { id: string; properties: Properties }>(scopes: T[]): T | undefined {
  return scopes.find((s) => s.properties[SC.approved] === 'true') ?? [...scopes].sort((a, b) => Number(b.id) - Number(a.id))[0];
}
