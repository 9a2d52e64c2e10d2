import type { Request, Response } from 'express';
import { z } from 'zod';
import { validationError } from './errors';
import type { Actor } from './store/types';

/** Small request helpers shared by the routes. */

/** Parse a JSON body with zod; failures answer HubSpot's 400 VALIDATION_ERROR. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    message: issue.message,
    in: issue.path.join('.'),
    code: 'INVALID_INPUT',
  }));
  throw validationError(`Invalid input JSON: ${errors.map((e) => (e.in ? `${e.in}: ${e.message}` : e.message)).join('; ')}`, errors);
}

/** Repeated or comma-separated query values: `?properties=a&properties=b,c` → [a, b, c]. */
export function queryList(req: Request, name: string): string[] | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  const items = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  return items
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function queryString(req: Request, name: string): string | undefined {
  const raw = req.query[name];
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && typeof raw[0] === 'string') return raw[0];
  return undefined;
}

export function queryBool(req: Request, name: string): boolean {
  return queryString(req, name)?.toLowerCase() === 'true';
}

export function queryInt(req: Request, name: string, fallback: number): number {
  const raw = queryString(req, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw validationError(`${name} must be an integer, got ${raw}`);
  return n;
}

/** Path parameter (express 5 types them as string | string[]). */
export function param(req: Request, name: string): string {
  const value = (req.params as Record<string, string | string[] | undefined>)[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join('/');
  throw validationError(`Missing path parameter ${name}`);
}

/** Set by the act-as middleware for every API call. */
export function actorOf(res: Response): Actor {
  return res.locals['actor'] as Actor;
}

export const noContent = (res: Response): void => {
  res.status(204).end();
};

export const BATCH_LIMIT = 100;

export function checkBatchSize(inputs: readonly unknown[]): void {
  if (inputs.length > BATCH_LIMIT) {
    throw validationError(`Batch input size ${inputs.length} exceeds the limit of ${BATCH_LIMIT} inputs.`);
  }
}
