import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The stand-in is its own world: it imports nothing from the service (no relative import leaves
 * this package) and no package it does not declare; its file names are kebab-case.
 */

const root = resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm;

function specifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (spec: string): string =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

describe('the stand-in package is self-contained', () => {
  const sources = tsFiles(join(root, 'src'));
  const tests = tsFiles(join(root, 'test'));

  it.each([
    ['src', sources, Object.keys(manifest.dependencies ?? {})],
    ['test', tests, [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]],
  ] as const)('%s/ imports only its own files, node builtins and declared packages', (_, files, declared) => {
    const problems: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(file)) {
        const where = relative(root, file);
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          if (target !== root && !target.startsWith(root + sep)) problems.push(`${where}: ${spec} leaves the package`);
        } else if (!spec.startsWith('node:') && !builtinModules.includes(spec) && !declared.includes(packageOf(spec))) {
          problems.push(`${where}: ${spec} is not a declared dependency`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  });

  it('names every file kebab-case', () => {
    const odd = [...sources, ...tests].map((f) => relative(root, f)).filter((f) => !/^[a-z0-9/.-]+$/.test(f));
    expect(odd).toEqual([]);
  });
});
