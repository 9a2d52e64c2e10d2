import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The production build (tsconfig.build.json, what the Docker image runs) holds the service and
 * its operator CLIs only: no stand-in code, nothing the Dockerfile does not copy into the build,
 * and the compiled server starts outside the repository.
 */

const run = promisify(execFile);
const repo = resolve(__dirname, '../..');
let out: string;
let emitted: string[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'throughline-build-'));
  const tsc = join(repo, 'node_modules/typescript/bin/tsc');
  const { stdout } = await run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out, '--sourceMap', 'false', '--listEmittedFiles'], {
    cwd: repo,
    maxBuffer: 16 * 2 ** 20,
  });
  emitted = stdout
    .split('\n')
    .filter((l) => l.startsWith('TSFILE: '))
    .map((l) => relative(out, l.slice('TSFILE: '.length)));
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The folders the Dockerfile's build stage copies (`COPY <folder> ./<folder>`). */
function copiedFolders(): string[] {
  return [...readFileSync(join(repo, 'Dockerfile'), 'utf8').matchAll(/^COPY (?!--)(\S+) \.\/\1$/gm)].map((m) => m[1]!);
}

describe('the production build', () => {
  it('compiles the service and the operator CLIs, and no stand-in code', () => {
    expect(emitted).toContain('src/server.js');
    expect(emitted).toContain('scripts/provision.js');
    expect(emitted.filter((f) => f.startsWith('sandbox/') || f.includes('@throughline/sandbox'))).toEqual([]);
    expect(emitted.filter((f) => f.startsWith('scripts/bench/') || f.startsWith('scripts/lib/'))).toEqual([]);
  });

  it('needs only sources the Dockerfile copies into its build stage', () => {
    const folders = copiedFolders();
    expect(folders).toEqual(expect.arrayContaining(['src', 'scripts']));
    expect(emitted.filter((f) => !folders.some((dir) => f.startsWith(`${dir}/`)))).toEqual([]);
  });

  it('keeps the stand-in out of the Docker build context', () => {
    expect(readFileSync(join(repo, '.dockerignore'), 'utf8').split('\n')).toContain('sandbox');
  });

  it('starts from the compiled files alone (--help)', async () => {
    const { stdout } = await run(process.execPath, [join(out, 'src/server.js'), '--help'], {
      cwd: out,
      env: { ...process.env, NODE_PATH: join(repo, 'node_modules') },
    });
    expect(stdout).toMatch(/^Usage: npm start/);
  });
});
