import { z } from 'zod';
import { validationError } from '../errors';
import { parseBody } from '../http';

/** A search request, parsed and held to HubSpot's limits. */

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 10;
export const MAX_RESULTS = 10_000;
export const MAX_FILTER_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 6;
export const MAX_FILTERS_TOTAL = 18;

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

const filterInput = z.object({
  propertyName: z.string(),
  operator: z.string(),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z.array(scalar).optional(),
});

const sortInput = z.union([z.string(), z.object({ propertyName: z.string(), direction: z.string().optional() })]);

const searchInput = z.object({
  filterGroups: z.array(z.object({ filters: z.array(filterInput).default([]) })).default([]),
  sorts: z.array(sortInput).default([]),
  properties: z.array(z.string()).optional(),
  limit: z.coerce.number().int().optional(),
  after: scalar.optional(),
  query: z.string().optional(),
});

export interface Filter {
  propertyName: string;
  operator: Operator;
  value?: string;
  highValue?: string;
  values?: string[];
}

export interface Sort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

export interface SearchRequest {
  filterGroups: Filter[][];
  sorts: Sort[];
  properties?: string[];
  limit: number;
  after: number;
  query?: string;
}

/** Accepts `{propertyName, direction}`, `"prop"`, `"-prop"` and a JSON string of the object form. */
function toSort(raw: z.output<typeof sortInput>): Sort {
  if (typeof raw !== 'string') {
    const direction = (raw.direction ?? 'ASCENDING').toUpperCase();
    if (direction !== 'ASCENDING' && direction !== 'DESCENDING') throw validationError(`Sort direction must be ASCENDING or DESCENDING, got ${raw.direction}.`);
    return { propertyName: raw.propertyName, direction };
  }
  const text = raw.trim();
  if (text.startsWith('{')) {
    try {
      return toSort(sortInput.parse(JSON.parse(text)));
    } catch {
      throw validationError(`Could not parse sort ${text}.`);
    }
  }
  return text.startsWith('-') ? { propertyName: text.slice(1), direction: 'DESCENDING' } : { propertyName: text, direction: 'ASCENDING' };
}

function needs(filter: Filter, field: 'value' | 'highValue' | 'values'): void {
  if (filter[field] === undefined) {
    throw validationError(`Filter on ${filter.propertyName} with operator ${filter.operator} needs "${field}".`);
  }
}

export function parseSearchRequest(body: unknown): SearchRequest {
  const input = parseBody(searchInput, body);
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (limit < 0 || limit > MAX_LIMIT) {
    throw validationError(`limit must be between 0 and ${MAX_LIMIT}, got ${limit}.`, [
      { message: `limit must be <= ${MAX_LIMIT}`, in: 'limit', code: 'INVALID_LIMIT' },
    ]);
  }
  const after = input.after === undefined || input.after === '' ? 0 : Number(input.after);
  if (!Number.isInteger(after) || after < 0) throw validationError(`after must be a paging cursor from a previous response, got ${input.after}.`);
  if (after >= MAX_RESULTS) {
    throw validationError(
      `The search API returns at most ${MAX_RESULTS} results per query (after=${after}). Narrow the query (e.g. by hs_object_id or date ranges) instead of paging further.`,
      [{ message: `paging past ${MAX_RESULTS} results is not supported`, in: 'after', code: 'PAGING_LIMIT_EXCEEDED' }],
    );
  }
  if (input.filterGroups.length > MAX_FILTER_GROUPS) {
    throw validationError(`Too many filter groups: ${input.filterGroups.length}. A search may have at most ${MAX_FILTER_GROUPS} filterGroups.`);
  }
  const total = input.filterGroups.reduce((n, g) => n + g.filters.length, 0);
  input.filterGroups.forEach((g, i) => {
    if (g.filters.length > MAX_FILTERS_PER_GROUP) {
      throw validationError(`Too many filters in filterGroups[${i}]: ${g.filters.length}. A filter group may have at most ${MAX_FILTERS_PER_GROUP} filters.`);
    }
  });
  if (total > MAX_FILTERS_TOTAL) throw validationError(`Too many filters: ${total}. A search may have at most ${MAX_FILTERS_TOTAL} filters in all.`);

  const filterGroups = input.filterGroups.map((g) =>
    g.filters.map((f): Filter => {
      const operator = f.operator.toUpperCase();
      if (!(OPERATORS as readonly string[]).includes(operator))
        throw validationError(`Unknown filter operator ${f.operator}. Use one of ${OPERATORS.join(', ')}.`);
      const filter: Filter = {
        propertyName: f.propertyName,
        operator: operator as Operator,
        ...(f.value !== undefined ? { value: f.value } : {}),
        ...(f.highValue !== undefined ? { highValue: f.highValue } : {}),
        ...(f.values !== undefined ? { values: f.values } : {}),
      };
      if (['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN'].includes(operator)) needs(filter, 'value');
      if (operator === 'BETWEEN') {
        needs(filter, 'value');
        needs(filter, 'highValue');
      }
      if (operator === 'IN' || operator === 'NOT_IN') needs(filter, 'values');
      return filter;
    }),
  );
  return {
    filterGroups,
    sorts: input.sorts.map(toSort),
    ...(input.properties ? { properties: input.properties } : {}),
    limit,
    after,
    ...(input.query !== undefined && input.query !== '' ? { query: input.query } : {}),
  };
}
