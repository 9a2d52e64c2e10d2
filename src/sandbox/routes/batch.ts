import type { Response } from 'express';
import { iso } from '../clock';

/** HubSpot's batch envelope: 200/201 when all succeeded, 207 with `errors` when some failed. */
export function sendBatch(res: Response, okStatus: 200 | 201, results: unknown[], errors: unknown[], startedAt: number, completedAt: number): void {
  const body = {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    startedAt: iso(startedAt),
    completedAt: iso(completedAt),
  };
  res.status(errors.length > 0 ? 207 : okStatus).json(body);
}
