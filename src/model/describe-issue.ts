import type { z } from 'zod';
import { jsonPath, type ModelProblem } from './model-error';

/** What a value looks like, for "expected …, got …" messages. */
function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return `"${input}"`;
  if (typeof input === 'object') return 'an object';
  return String(input);
}

type RawIssue = z.core.$ZodRawIssue;

/**
 * The per-parse error map: zod's default wording ("Invalid input") becomes a sentence that names
 * the value found and what would be accepted. Schema-level messages (property types, names) win.
 */
export function explainIssue(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is required — add it (${issue.expected})`
        : `expected ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}, got ${kindOf(issue.input)}`;
    case 'invalid_value':
      return issue.input === undefined
        ? `is required — use one of ${issue.values.map(String).join(', ')}`
        : `${kindOf(issue.input)} is not allowed here — use one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}, got ${kindOf(issue.input)}`;
    case 'unrecognized_keys':
      return 'is not a known key — remove it or check the spelling';
    default:
      return undefined;
  }
}

/** One zod issue → one problem; an unknown key is reported at the key itself. */
export function issueToProblems(file: string, issue: z.core.$ZodIssue): ModelProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ file, path: jsonPath([...issue.path, key]), message: issue.message }));
  }
  return [{ file, path: jsonPath(issue.path), message: issue.message }];
}
