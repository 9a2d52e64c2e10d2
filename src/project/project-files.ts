import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { PROJECT_FILE, SRC_DIR } from './hubspot-project';

/** The HubSpot project's files as the checks in project-checks.ts and webhook-checks.ts read them. */

export interface MetaFile {
  /** Relative to the project's srcDir, with forward slashes (`app/cards/deal-card-hsmeta.json`). */
  path: string;
  json: unknown;
  error?: string;
}

export interface Profile {
  name: string;
  accountId: unknown;
  variables: Record<string, unknown>;
}

export interface ProjectFiles {
  root: string;
  project: unknown;
  metas: MetaFile[];
  profiles: Profile[];
}

const toPosix = (p: string) => p.split(sep).join(posix.sep);

export function readJson(path: string): { json: unknown; error?: string } {
  try {
    return { json: JSON.parse(readFileSync(path, 'utf8')) as unknown };
  } catch (err) {
    return { json: undefined, error: err instanceof Error ? err.message : String(err) };
  }
}

function walk(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, found);
    else found.push(path);
  }
  return found;
}

/** Reads hsproject.json, every *-hsmeta.json under srcDir and every hsprofile.<name>.json in srcDir. */
export function readProjectFiles(root: string): ProjectFiles {
  const project = readJson(join(root, PROJECT_FILE)).json;
  const srcDir = join(root, SRC_DIR);
  const metas = walk(srcDir)
    .filter((f) => f.endsWith('-hsmeta.json'))
    .map((f) => ({ path: toPosix(relative(srcDir, f)), ...readJson(f) }))
    .sort((a, b) => a.path.localeCompare(b.path));
  const profiles = readdirSync(srcDir)
    .flatMap((name) => {
      const m = /^hsprofile\.([^.]+)\.json$/.exec(name);
      if (!m) return [];
      const json = (readJson(join(srcDir, name)).json ?? {}) as { accountId?: unknown; variables?: Record<string, unknown> };
      return [{ name: m[1]!, accountId: json.accountId, variables: json.variables ?? {} }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { root, project, metas, profiles };
}
