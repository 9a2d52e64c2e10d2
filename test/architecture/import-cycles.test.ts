import { findCycles, importGraph, sourceFiles } from './import-graph';

/** Two modules that import each other (types included) cannot be read, tested or moved one at a time. */
it('no import cycle in src/ or scripts/', () => {
  const cycles = findCycles(importGraph(sourceFiles('src', 'scripts')));
  expect(cycles.map((c) => c.join(' → '))).toEqual([]);
});

it('the cycle check finds a cycle', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['a.ts']],
  ]);
  expect(findCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
});
