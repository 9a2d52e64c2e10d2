/** A problem in schemas/, located by file and JSON path, with a message that says how to fix it. */
export interface ModelProblem {
  file: string;
  /** JSON path such as `$.properties[3].type`; `$` for the whole file. */
  path: string;
  message: string;
}

export function formatProblem(problem: ModelProblem): string {
  return problem.path === '$' ? `${problem.file}: ${problem.message}` : `${problem.file} at ${problem.path}: ${problem.message}`;
}

export class ModelError extends Error {
  constructor(readonly problems: ModelProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`The data model has ${count}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ModelError';
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${out}.${name}` : `${out}[${JSON.stringify(name)}]`;
  }, '$');
}
