import { z } from 'zod';
import { NAME_PATTERN, suggestName } from './names';

/** A name HubSpot accepts: lowercase letters, digits and _, starting with a letter. */
export const hubSpotName = (what: string) =>
  z.string().regex(NAME_PATTERN, {
    error: (iss) =>
      `"${String(iss.input)}" is not a valid ${what} — HubSpot needs lowercase letters, digits and _, starting with a letter (e.g. "${suggestName(String(iss.input))}")`,
  });

/** A property we define; `hs_` is HubSpot's prefix for its own properties. */
export const definedPropertyName = hubSpotName('property name').refine((n) => !n.startsWith('hs_'), {
  error: (iss) => `"${String(iss.input)}" starts with hs_, which HubSpot keeps for its own properties — drop the prefix`,
});

/** A reference to a property, ours or HubSpot's. */
export const propertyRef = hubSpotName('property name');

export const text = z.string().trim().min(1);

export const isoDatetime = z.iso.datetime({
  offset: true,
  error: (iss) => (iss.input === undefined ? undefined : `"${String(iss.input)}" is not an ISO datetime — write it like 2026-11-01T00:00:00Z`),
});
