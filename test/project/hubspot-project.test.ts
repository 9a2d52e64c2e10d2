import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SERVICE_ORIGIN, SERVICE_ORIGIN_VARIABLE as CARDS_VARIABLE, serviceOrigin } from '../../extensions/app/cards/config';
import { PLATFORM_VERSION, SERVICE_ORIGIN_VARIABLE, SRC_DIR } from '../../src/project/hubspot-project';
import { checkProject, readProjectFiles, withProfile } from '../../src/project/project-checks';

/**
 * The HubSpot project under extensions/: HubSpot's own parser (offline) and the project's checks.
 */

const ROOT = join(__dirname, '..', '..');

interface ParseResult {
  profile: string | null;
  error?: string;
  skippedHsMetaFiles?: string[];
  intermediateRepresentation?: {
    intermediateNodesIndexedByUid: Record<
      string,
      { uid: string; componentType: string; metaFilePath: string; config: Record<string, unknown>; componentDeps: Record<string, unknown> }
    >;
  };
}

/** @hubspot/project-parsing-lib is ESM-only; it runs in a child node process (test/project/parse-project.mjs). */
function parseWithHubSpot(root: string, profiles: string[]): ParseResult[] {
  const run = spawnSync(process.execPath, [join(ROOT, 'test/project/parse-project.mjs'), join(root, SRC_DIR), PLATFORM_VERSION, ...profiles], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`parse-project.mjs failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ParseResult[];
}

const files = readProjectFiles(ROOT);
const profileNames = files.profiles.map((p) => p.name);

describe('the HubSpot project (platform 2026.03)', () => {
  it('has a local and a production profile', () => {
    expect(profileNames).toEqual(['local', 'production']);
  });

  it("parses with HubSpot's project-parsing-lib for every profile, every hsmeta file becoming a component", () => {
    const results = parseWithHubSpot(ROOT, profileNames);
    expect(results.map((r) => r.profile)).toEqual(profileNames);
    for (const result of results) {
      expect(result.error).toBeUndefined();
      expect(result.skippedHsMetaFiles).toEqual([]);
      const nodes = Object.values(result.intermediateRepresentation!.intermediateNodesIndexedByUid);
      expect(nodes.map((n) => n.metaFilePath).sort()).toEqual(files.metas.map((m) => m.path).sort());
      expect(nodes.map((n) => n.uid).sort()).toEqual(files.metas.map((m) => (m.json as { uid: string }).uid).sort());
      const profile = files.profiles.find((p) => p.name === result.profile)!;
      const app = nodes.find((n) => n.componentType === 'APPLICATION')!;
      expect((app.config.permittedUrls as { fetch: string[] }).fetch).toEqual([profile.variables[SERVICE_ORIGIN_VARIABLE]]);
      for (const card of nodes.filter((n) => n.componentType === 'CARD')) expect(card.componentDeps.app).toBe(app.uid);
      expect(JSON.stringify(nodes)).not.toContain('${');
    }
  });

  it("passes the project's own checks (uids, types and folders, entrypoints, locations, object types, HTTPS origins, profiles)", () => {
    expect(checkProject(ROOT)).toEqual([]);
  });

  it('the cards call the profile origin, falling back to the production one, and both are permitted fetch origins', () => {
    expect(CARDS_VARIABLE).toBe(SERVICE_ORIGIN_VARIABLE);
    const production = files.profiles.find((p) => p.name === 'production')!;
    expect(DEFAULT_SERVICE_ORIGIN).toBe(production.variables[SERVICE_ORIGIN_VARIABLE]);
    const app = files.metas.find((m) => m.path === 'app/app-hsmeta.json')!;
    for (const profile of files.profiles) {
      const origin = serviceOrigin(profile.variables);
      expect(origin).toBe(profile.variables[SERVICE_ORIGIN_VARIABLE]);
      const { config } = withProfile(app.json as { config: { permittedUrls: { fetch: string[] } } }, profile);
      expect(config.permittedUrls.fetch).toContain(origin);
    }
    expect(serviceOrigin(undefined)).toBe(DEFAULT_SERVICE_ORIGIN);
    expect(serviceOrigin({ SERVICE_ORIGIN: 'http://insecure.example.com' })).toBe(DEFAULT_SERVICE_ORIGIN);
  });

  it('local.json proxies the local profile origin to the service on localhost (hs project dev)', () => {
    const local = JSON.parse(readFileSync(join(ROOT, SRC_DIR, 'app/local.json'), 'utf8')) as { proxy: Record<string, string> };
    const origin = files.profiles.find((p) => p.name === 'local')!.variables[SERVICE_ORIGIN_VARIABLE] as string;
    expect(Object.keys(local.proxy)).toEqual([origin]);
    expect(local.proxy[origin]).toMatch(/^http:\/\/localhost:\d+$/);
  });
});

describe('the checks catch what the lenient offline parse lets through', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'throughline-project-'));
    cpSync(join(ROOT, 'hsproject.json'), join(dir, 'hsproject.json'));
    cpSync(join(ROOT, SRC_DIR), join(dir, SRC_DIR), { recursive: true, filter: (src) => !src.includes('node_modules') });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (path: string, change: (json: Record<string, unknown>) => void) => {
    const file = join(dir, SRC_DIR, path);
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    change(json);
    writeFileSync(file, JSON.stringify(json, null, 2));
  };
  type Config = Record<string, unknown>;

  it('a wrong location, a missing entrypoint, a misspelt object type, an http origin: HubSpot parses it, the checks do not', () => {
    edit('app/cards/deal-card-hsmeta.json', (j) => {
      (j.config as Config).location = 'crm.record.middle';
      (j.config as Config).entrypoint = '/app/cards/Nope.tsx';
      (j.config as Config).objectTypes = ['deal'];
    });
    edit('hsprofile.local.json', (j) => {
      (j.variables as Config).SERVICE_ORIGIN = 'http://throughline-dev.example.com';
    });
    const [local] = parseWithHubSpot(dir, ['local']);
    expect(local!.error).toBeUndefined(); // lenient: offline, HubSpot's parser accepts all of it
    const problems = checkProject(dir).join('\n');
    expect(problems).toContain('location "crm.record.middle" is not one of');
    expect(problems).toContain('entrypoint /app/cards/Nope.tsx does not exist');
    expect(problems).toContain('object type "deal" is not one of');
    expect(problems).toContain('hsprofile.local.json: SERVICE_ORIGIN "http://throughline-dev.example.com" must be https');
    expect(problems).toContain('fetch origin "http://throughline-dev.example.com" must be https');
    expect(problems).toContain('targetUrl "http://throughline-dev.example.com/webhooks/hubspot" must be an https URL');
  });

  it('a card without uid: HubSpot’s parse fails obscurely (with a profile) or not at all (without); the checks name the file', () => {
    edit('app/cards/deal-card-hsmeta.json', (j) => {
      delete j.uid;
    });
    const [withProfile, without] = parseWithHubSpot(dir, ['local', '']);
    expect(withProfile!.error).toBeDefined();
    expect(without!.error).toBeUndefined();
    expect(checkProject(dir)).toContain('extensions/app/cards/deal-card-hsmeta.json: "uid" is missing.');
  });

  it('a duplicate uid fails HubSpot’s parse and the checks; an extra field and a misplaced file are reported', () => {
    edit('app/cards/company-card-hsmeta.json', (j) => {
      j.uid = 'throughline_deal_card';
      j.extra = true;
    });
    cpSync(join(dir, SRC_DIR, 'app/webhooks/webhooks-hsmeta.json'), join(dir, SRC_DIR, 'app/cards/webhooks-hsmeta.json'));
    const [production] = parseWithHubSpot(dir, ['production']);
    expect(production!.error).toContain('throughline_deal_card');
    const problems = checkProject(dir).join('\n');
    expect(problems).toContain('uid "throughline_deal_card" is used by');
    expect(problems).toContain('unexpected top-level field(s) extra');
    expect(problems).toContain('extensions/app/cards/webhooks-hsmeta.json: a webhooks belongs in extensions/app/webhooks/.');
  });

  it('a variable a profile does not define fails both', () => {
    edit('hsprofile.production.json', (j) => {
      delete (j.variables as Config).SUPPORT_EMAIL;
    });
    const [production] = parseWithHubSpot(dir, ['production']);
    expect(production!.error).toContain('SUPPORT_EMAIL');
    expect(checkProject(dir)).toContain('extensions/hsprofile.production.json: variable SUPPORT_EMAIL is used by the hsmeta files but not defined.');
  });
});
