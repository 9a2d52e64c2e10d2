import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');

/** Every .ts file under the given folders (relative to the repository), sorted. */
export function sourceFiles(...dirs: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(path);
      return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
    });
  return dirs.flatMap(walk).sort();
}

export const lineCount = (file: string): number => readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1;

const options: ts.CompilerOptions = { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, allowJs: false, resolveJsonModule: true };
const host = ts.createCompilerHost(options);

/**
 * The project's own modules each file imports (type-only imports and re-exports included: a cycle
 * of types is still two modules that know each other), as paths relative to the repository.
 * Resolution is the compiler's, so `../x` finds x.ts or x/index.ts as tsc does.
 */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const abs = join(ROOT, file);
    const { importedFiles } = ts.preProcessFile(readFileSync(abs, 'utf8'), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => {
      if (!fileName.startsWith('.')) return [];
      const resolved = ts.resolveModuleName(fileName, abs, options, host).resolvedModule?.resolvedFileName;
      return resolved && !resolved.includes('/node_modules/') ? [relative(ROOT, resolved)] : [];
    });
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Each import cycle once, as the path of files that closes it (a → b → a). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string) => {
    seen.add(file);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (stack.includes(next)) cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!seen.has(next)) visit(next);
    }
    stack.pop();
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file);
  return cycles;
}
