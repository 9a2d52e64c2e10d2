import { parseHubSpotDate } from '../dates/calendar';
import type { LinkedRecord } from '../gate/types';
import type { CapacitySettings } from '../model';
import { SCOPE_PROPERTIES } from '../model/well-known-properties';
import type { ScopeLoad } from './scope-load';

const firstFilled = (props: LinkedRecord['properties'], names: readonly string[]) =>
  names.map((n) => props[n]).find((v) => v !== null && v !== undefined && v.trim() !== '') ?? null;

function numberOf(v: string | null): number | null {
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** A Scope record as capacity reads it: capacity.json says which property gives what. */
export function scopeLoadFrom(scope: LinkedRecord, settings: Pick<CapacitySettings, 'scope'>): ScopeLoad {
  const p = scope.properties;
  const s = settings.scope;
  const team = p[s.team]?.trim();
  return {
    id: scope.id,
    name: p[SCOPE_PROPERTIES.name]?.trim() || null,
    teamId: team || null,
    start: parseHubSpotDate(firstFilled(p, s.start)) ?? null,
    timelineWeeks: numberOf(firstFilled(p, s.timelineWeeks)),
    hours: numberOf(firstFilled(p, s.hours)),
  };
}

/** Every property scopeLoadFrom reads, for the batch read. */
export const capacityScopeProperties = (settings: Pick<CapacitySettings, 'scope'>): string[] => [
  ...new Set([SCOPE_PROPERTIES.name, settings.scope.team, ...settings.scope.start, ...settings.scope.timelineWeeks, ...settings.scope.hours]),
];
