import { importGraph, sourceFiles } from './import-graph';

/**
 * src/runtime/ is the composition root: it builds every use case from narrow deps. Use cases never
 * import it (they would know everything); only the entry points that start a process do.
 */
const ENTRY_POINTS = ['src/server.ts', 'src/service.ts', 'src/cli/run-cli.ts'];

it('no module under src/ imports src/runtime/ except the root itself and the entry points', () => {
  const graph = importGraph(sourceFiles('src'));
  const offenders = [...graph]
    .filter(([file]) => !file.startsWith('src/runtime/') && !ENTRY_POINTS.includes(file))
    .flatMap(([file, targets]) => targets.filter((t) => t.startsWith('src/runtime/')).map((t) => `${file} → ${t}`));
  expect(offenders).toEqual([]);
});
