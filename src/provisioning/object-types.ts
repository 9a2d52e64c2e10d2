import { LABEL_NATIVE_ENDS, type Model } from '../model';

/**
 * Model names → what HubSpot's paths take: native objects keep their name (`deals`), custom objects
 * use their objectTypeId (`2-…`); undefined while a custom object does not exist.
 */
export function objectTypeResolver(objectTypeIds: Record<string, string>): (name: string) => string | undefined {
  return (name) => (name in LABEL_NATIVE_ENDS || name === 'deals' ? name : objectTypeIds[name]);
}

/** The distinct (from, to) pairs association labels are defined for, in model order. */
export function labelPairs(model: Pick<Model, 'associations'>): Array<{ from: string; to: string }> {
  const seen = new Map<string, { from: string; to: string }>();
  for (const l of model.associations) {
    const key = `${l.from}|${l.to}`;
    if (!seen.has(key)) seen.set(key, { from: l.from, to: l.to });
  }
  return [...seen.values()];
}
