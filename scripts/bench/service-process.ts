import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

/**
 * The service as its own process, started the way `npm start` starts it (src/server.ts, config from
 * the environment), so its memory can be measured apart from the stand-in and the load generator.
 * `compiled` builds src/ with tsc into a temporary folder and runs plain node on it (no tsx loader
 * in the measured process); `tsx` runs src/server.ts through `node --import tsx`.
 */
export interface ServiceProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  runtime: 'compiled' | 'tsx';
  logLevels: Record<string, number>;
  firstProblems: string[];
  stop(): Promise<number | null>;
}

const run = promisify(execFile);

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Compiles src/ into a temporary folder; returns the folder (caller removes it) or throws tsc's output. */
export async function compile(repo: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'throughline-bench-'));
  const config = join(dir, 'tsconfig.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(repo, 'tsconfig.build.json'),
      compilerOptions: { outDir: join(dir, 'out'), rootDir: repo, sourceMap: false, noEmitOnError: true, typeRoots: [join(repo, 'node_modules/@types')] },
      include: [join(repo, 'src')],
      files: [],
    }),
  );
  try {
    await run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: repo, maxBuffer: 16 * 2 ** 20 });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`tsc failed: ${`${stdout ?? ''}${stderr ?? ''}`.trim().slice(0, 2000) || String(err)}`);
  }
  return dir;
}

/** VmRSS of a process in bytes, from /proc (Linux); undefined when it is gone. */
export function rssOf(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function startServiceProcess(
  env: Record<string, string>,
  /** `buildDir`: a `compile()` output shared by several processes (the caller removes it). */
  options: { runtime: 'compiled' | 'tsx'; progress: (line: string) => void; buildDir?: string },
): Promise<ServiceProcess> {
  const repo = process.cwd();
  let runtime = options.runtime;
  let buildDir: string | undefined;
  if (runtime === 'compiled' && options.buildDir) {
    buildDir = options.buildDir;
  } else if (runtime === 'compiled') {
    try {
      buildDir = await compile(repo);
    } catch (err) {
      options.progress(`load: could not compile src/ (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); running it with tsx instead`);
      runtime = 'tsx';
    }
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ownBuild = buildDir !== options.buildDir;
  const args = runtime === 'compiled' ? [join(buildDir!, 'out/src/server.js')] : ['--import', 'tsx', 'src/server.ts'];
  const child = spawn(process.execPath, args, {
    cwd: repo,
    env: {
      PATH: process.env.PATH ?? '',
      // Compiled output lives outside the repo: let it resolve the repo's node_modules.
      NODE_PATH: resolve(repo, 'node_modules'),
      THROUGHLINE_SKIP_DOTENV: '1',
      SCHEMAS_DIR: resolve(repo, 'schemas'),
      PORT: String(port),
      PUBLIC_BASE_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const logLevels: Record<string, number> = {};
  const firstProblems: string[] = [];
  const names: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      const level = names[entry.level ?? 0] ?? String(entry.level);
      logLevels[level] = (logLevels[level] ?? 0) + 1;
      if ((entry.level ?? 0) >= 40 && firstProblems.length < 5) firstProblems.push(`${level}: ${entry.msg ?? line.slice(0, 200)}`);
    } catch {
      logLevels.unparsed = (logLevels.unparsed ?? 0) + 1;
    }
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    if (firstProblems.length < 5) firstProblems.push(`stderr: ${line.slice(0, 300)}`);
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}: ${firstProblems.join(' | ')}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service did not become ready within 30 s: ${firstProblems.join(' | ')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    child,
    pid: child.pid!,
    url,
    runtime,
    logLevels,
    firstProblems,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (buildDir && ownBuild) rmSync(buildDir, { recursive: true, force: true });
      return code;
    },
  };
}
