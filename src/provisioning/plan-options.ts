import type { OptionBody, PortalOption } from '../hubspot/portal-types';
import type { PropertyOptionDef } from '../model';

export interface OptionDiff {
  added: string[];
  relabeled: string[];
  /** Visible in HubSpot, not in schemas/: kept, because removing an option orphans stored values. Hidden ones are settled. */
  removed: string[];
  /** The full list to send when something is added or relabeled: ours first, then the ones kept. */
  merged: OptionBody[];
}

export function diffOptions(wanted: PropertyOptionDef[], present: PortalOption[]): OptionDiff {
  const byValue = new Map(present.map((o) => [o.value, o]));
  const wantedValues = new Set(wanted.map((o) => o.value));
  const added = wanted.filter((o) => !byValue.has(o.value)).map((o) => o.value);
  const relabeled = wanted.filter((o) => {
    const p = byValue.get(o.value);
    return p !== undefined && p.label !== o.label;
  });
  const kept = present.filter((o) => !wantedValues.has(o.value));
  const merged: OptionBody[] = [
    ...wanted.map((o, i) => ({
      label: o.label,
      value: o.value,
      displayOrder: o.displayOrder ?? i,
      hidden: o.hidden ?? byValue.get(o.value)?.hidden ?? false,
      ...(o.description !== undefined ? { description: o.description } : {}),
    })),
    ...kept.map((o, j) => ({ label: o.label, value: o.value, displayOrder: wanted.length + j, hidden: o.hidden })),
  ];
  return {
    added,
    relabeled: relabeled.map((o) => `"${o.value}" label "${byValue.get(o.value)!.label}" → "${o.label}"`),
    removed: kept.filter((o) => !o.hidden).map((o) => o.value),
    merged,
  };
}
