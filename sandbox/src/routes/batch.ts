import type { Response } from 'express';
import { iso } from '../clock';
import { shapeBatchResults } from '../batch-answers';
import { batchError, SandboxError } from '../errors';

/**
 * HubSpot's batch envelope: 200/201 when all succeeded, 207 with `errors` when some failed. The
 * results come in this run's order (see batch-answers.ts), not necessarily the inputs'.
 */
export function sendBatch(res: Response, okStatus: 200 | 201, results: unknown[], errors: unknown[], startedAt: number, completedAt: number): void {
  const body = {
    status: 'COMPLETE',
    results: shapeBatchResults(res, results),
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    startedAt: iso(startedAt),
    completedAt: iso(completedAt),
  };
  res.status(errors.length > 0 ? 207 : okStatus).json(body);
}

/**
 * Runs a batch create input by input, as HubSpot does: a failed input becomes an error row with
 * `context`; when none succeeded the whole call fails with the first problem (then no 207).
 */
export function createEach<I>(
  inputs: I[],
  create: (input: I) => unknown,
  context: (input: I) => Record<string, string[]>,
): { results: unknown[]; errors: unknown[] } {
  const results: unknown[] = [];
  const errors: unknown[] = [];
  let firstFailure: SandboxError | undefined;
  for (const input of inputs) {
    try {
      results.push(create(input));
    } catch (err) {
      if (!(err instanceof SandboxError)) throw err;
      firstFailure ??= err;
      errors.push(batchError(err.body.category ?? 'VALIDATION_ERROR', err.body.message, context(input)));
    }
  }
  if (results.length === 0 && firstFailure) throw firstFailure;
  return { results, errors };
}
