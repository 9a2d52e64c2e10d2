import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, resolveConfig } from 'prettier';

/** The formatter is part of lint: an unformatted file fails `npm run lint` (and so CI). */
const ROOT = join(__dirname, '..', '..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

it('npm run lint checks every file Prettier formats before ESLint runs', () => {
  expect(scripts.lint).toMatch(/^prettier --check \. && eslint \. /);
  expect(scripts.format).toBe('prettier --write .');
});

it("the project's Prettier settings refuse unformatted TypeScript and accept it formatted", async () => {
  const filepath = join(ROOT, 'src', 'example.ts');
  const options = { ...(await resolveConfig(filepath)), filepath };
  expect(options).toMatchObject({ printWidth: 160, singleQuote: true });
  expect(await check('const answer = {value:"x"}\n', options)).toBe(false);
  expect(await check("const answer = { value: 'x' };\n", options)).toBe(true);
});
