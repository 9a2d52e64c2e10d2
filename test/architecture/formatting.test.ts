import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The formatter is part of lint: an unformatted file fails `npm run lint` (and so CI). */
const ROOT = join(__dirname, '..', '..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** What Prettier makes of a TypeScript file under src/, with the project's own settings. */
const formatted = (source: string) =>
  spawnSync(join(ROOT, 'node_modules', '.bin', 'prettier'), ['--stdin-filepath', join(ROOT, 'src', 'example.ts')], {
    cwd: ROOT,
    input: source,
    encoding: 'utf8',
  });

it('npm run lint checks every file Prettier formats before ESLint runs', () => {
  expect(scripts.lint).toMatch(/^prettier --check \. && eslint \. /);
  expect(scripts.format).toBe('prettier --write .');
});

it("the project's Prettier settings change unformatted TypeScript and leave it alone formatted", () => {
  const messy = formatted('const answer = {value:"x"}\n');
  expect(messy.status).toBe(0);
  expect(messy.stdout).toBe("const answer = { value: 'x' };\n");
  const tidy = formatted("const answer = { value: 'x' };\n");
  expect(tidy.stdout).toBe("const answer = { value: 'x' };\n");
});
