import { HubSpotError } from './errors';
import type { CreateOutcome, PropertyCreateBody } from './portal-types';

/** Properties per batch/create call. HubSpot documents no lower limit for properties; 100 is its batch norm. */
export const PROPERTY_BATCH_LIMIT = 100;

interface BatchAnswer {
  results: Array<{ name: string }>;
  errors?: Array<{ message: string; category?: string; context?: Record<string, unknown> }>;
}

export interface PropertyCreateCalls {
  batch: (part: PropertyCreateBody[]) => Promise<BatchAnswer>;
  one: (body: PropertyCreateBody) => Promise<CreateOutcome>;
}

const alreadyExists = (e: { message: string; category?: string }) => e.category === 'OBJECT_ALREADY_EXISTS' || /already exists/i.test(e.message);

/**
 * Creates properties with batch/create. A 207 whose errors all say "already exists" is a finished
 * earlier run; a 409 for the whole batch falls back to one create per property so the rest still
 * happen. Any other error stops with HubSpot's messages.
 */
export async function createPropertiesInBatches(
  objectType: string,
  bodies: PropertyCreateBody[],
  calls: PropertyCreateCalls,
): Promise<Map<string, CreateOutcome>> {
  const outcomes = new Map<string, CreateOutcome>();
  for (let i = 0; i < bodies.length; i += PROPERTY_BATCH_LIMIT) {
    const part = bodies.slice(i, i + PROPERTY_BATCH_LIMIT);
    let answer: BatchAnswer;
    try {
      answer = await calls.batch(part);
    } catch (err) {
      if (!(err instanceof HubSpotError) || err.status !== 409) throw err;
      for (const body of part) outcomes.set(body.name, await calls.one(body));
      continue;
    }
    const rejected = (answer.errors ?? []).filter((e) => !alreadyExists(e));
    if (rejected.length > 0) {
      const messages = rejected.map((e) => `"${e.message}"`).join('; ');
      throw new HubSpotError(
        400,
        `HubSpot rejected properties in a batch create on ${objectType}: ${messages}. Fix them in schemas/ and run apply again; the others were created.`,
        { message: messages, errors: rejected },
        {},
        `creating properties on ${objectType}`,
      );
    }
    const created = new Set(answer.results.map((r) => r.name));
    for (const body of part) outcomes.set(body.name, created.has(body.name) ? 'created' : 'existed');
  }
  return outcomes;
}
