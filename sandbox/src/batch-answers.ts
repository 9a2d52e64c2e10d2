import type { Response } from 'express';
import type { Prng } from './prng';

/**
 * How batch answers come back. HubSpot promises no order of `results[]` (hubspot-api-nodejs#190:
 * "The results array is returned in a random order"), so by default the stand-in reverses them:
 * code that pairs results with inputs by position fails on any batch of two or more.
 *
 * `objectWriteTraceId`: HubSpot's specs (CRM objects v3, 2026-03) take one per batch create,
 * update and upsert input and list it on the result object (SimplePublicObject), so the stand-in
 * echoes it. The specs do not say it is always echoed; `omitTraceIds` shows a HubSpot that drops it.
 */
export type BatchResultOrder = 'input' | 'reversed' | 'shuffled';
export const DEFAULT_BATCH_RESULT_ORDER: BatchResultOrder = 'reversed';

export interface BatchAnswerShape {
  order: BatchResultOrder;
  omitTraceIds: boolean;
  prng: Prng;
}

const LOCALS_KEY = 'batchAnswerShape';

export function setBatchAnswerShape(res: Response, shape: BatchAnswerShape): void {
  res.locals[LOCALS_KEY] = shape;
}

function ordered<T>(items: T[], order: BatchResultOrder, prng: Prng): T[] {
  if (order === 'input') return items;
  if (order === 'reversed') return [...items].reverse();
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(prng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const withoutTraceId = (r: unknown): unknown => {
  if (typeof r !== 'object' || r === null || !('objectWriteTraceId' in r)) return r;
  const { objectWriteTraceId: _dropped, ...rest } = r as Record<string, unknown>;
  void _dropped;
  return rest;
};

/** The results of a batch answer as this run's HubSpot gives them (order, trace ids). */
export function shapeBatchResults(res: Response, results: unknown[]): unknown[] {
  const shape = res.locals[LOCALS_KEY] as BatchAnswerShape | undefined;
  if (!shape) return results;
  const out = ordered(results, shape.order, shape.prng);
  return shape.omitTraceIds ? out.map(withoutTraceId) : out;
}
