import { existsSync, readFileSync } from 'node:fs';
import type { ModelProblem } from './model-error';

export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: ModelProblem };

function lineAndColumn(source: string, position: number): string {
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Reads a JSON file; a missing file or a syntax error becomes a problem naming the file and line. */
export function readJsonFile(absolutePath: string, file: string): JsonRead {
  if (!existsSync(absolutePath)) {
    return { ok: false, problem: { file, path: '$', message: 'file not found — the data model needs it (restore it from the repository)' } };
  }
  const source = readFileSync(absolutePath, 'utf8');
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const position = /at position (\d+)/.exec(reason)?.[1];
    const where = position === undefined ? '' : ` at ${lineAndColumn(source, Number(position))}`;
    return { ok: false, problem: { file, path: '$', message: `invalid JSON${where} (${reason}) — fix the syntax` } };
  }
}
