import { lineCount, sourceFiles } from './import-graph';

/** One concern per file: past 300 lines a file is doing two things. */
const MAX_LINES = 300;

it(`every .ts file in src/ and scripts/ has at most ${MAX_LINES} lines`, () => {
  const long = sourceFiles('src', 'scripts')
    .map((file) => [file, lineCount(file)] as const)
    .filter(([, lines]) => lines > MAX_LINES);
  expect(long).toEqual([]);
});
