import type { Owner } from '../hubspot/types';

/**
 * The portal's owners, read at most once per `ttlMs` (one paged call of up to 500 owners), shared
 * by concurrent callers. A failed read is not cached, so the next caller tries again.
 */
export function ownerCache(load: () => Promise<Owner[]>, ttlMs = 15 * 60_000, clock: () => number = Date.now): () => Promise<Owner[]> {
  let cached: { at: number; owners: Promise<Owner[]> } | undefined;
  return () => {
    if (cached && clock() - cached.at < ttlMs) return cached.owners;
    const owners = load();
    const entry = { at: clock(), owners };
    cached = entry;
    owners.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return owners;
  };
}
