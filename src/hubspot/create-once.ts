import { HubSpotError } from './errors';
import { waitToRetry, type RetryPolicy } from './retry';
import type { CreateInput } from './types';

/**
 * Finds the records earlier attempts made, by the inputs' keys: key → record id. One batched
 * lookup for all the keys asked (the caller knows where its marker lives: a subject, a body
 * line, an association). Keys it finds nothing for are simply absent.
 */
export type FindCreated = (keys: string[]) => Promise<Map<string, string>>;

export interface CreatedResult {
  id: string;
  objectWriteTraceId?: string | undefined;
}

/**
 * Sends one batch of creates so that each input is made once, and says which record is whose.
 *
 * Results are placed by `objectWriteTraceId` (each input sends its key), never by position:
 * HubSpot promises no order. Its spec lists the trace id on results but does not promise it; a
 * result without one is placed by `find`.
 *
 * A 5xx or a network failure does not mean nothing was made: HubSpot may have applied the create
 * and failed to answer. So before trying again, `find` looks for what the failed attempt made and
 * only the rest is sent. A 429 is a refusal before anything is applied: retried as it is.
 */
export async function createOnce(
  operation: string,
  inputs: CreateInput[],
  send: (inputs: CreateInput[]) => Promise<CreatedResult[]>,
  find: FindCreated,
  policy: RetryPolicy,
): Promise<Map<string, string>> {
  const keys = inputs.map((i) => i.key);
  const twice = keys.filter((k, n) => keys.indexOf(k) !== n);
  if (twice.length) throw new Error(`${operation}: two inputs share the key ${twice[0]}; each create needs its own key to be matched and found again.`);
  const made = new Map<string, string>();
  const adopt = (found: Map<string, string>, among: CreateInput[]) => {
    for (const i of among) if (found.has(i.key)) made.set(i.key, found.get(i.key)!);
  };
  let pending = inputs;
  for (let attempt = 1; pending.length; attempt++) {
    let results: CreatedResult[];
    try {
      results = await send(pending);
    } catch (raw) {
      const err = await waitToRetry(raw, operation, attempt, policy);
      if (err.status !== 429) {
        adopt(await find(pending.map((i) => i.key)), pending);
        pending = pending.filter((i) => !made.has(i.key));
      }
      continue;
    }
    const sent = new Set(pending.map((i) => i.key));
    for (const r of results) if (r.objectWriteTraceId !== undefined && sent.has(r.objectWriteTraceId)) made.set(r.objectWriteTraceId, r.id);
    let unplaced = pending.filter((i) => !made.has(i.key));
    if (unplaced.length === 1 && results.length === 1 && pending.length === 1) made.set(unplaced[0]!.key, results[0]!.id);
    else if (unplaced.length) adopt(await find(unplaced.map((i) => i.key)), unplaced);
    unplaced = unplaced.filter((i) => !made.has(i.key));
    if (unplaced.length) {
      throw new HubSpotError(
        0,
        `HubSpot answered ${operation} but ${unplaced.length} created record(s) could not be matched to their input (first key ${unplaced[0]!.key}). Run it again: the next run finds what was made.`,
        undefined,
        {},
        operation,
      );
    }
    pending = [];
  }
  return made;
}
