import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { APP_META, CARDS_DIR, PLATFORM_VERSION, PROJECT_FILE, SERVICE_ORIGIN_VARIABLE, SRC_DIR } from './hubspot-project';
import { readJson, readProjectFiles, type MetaFile, type Profile, type ProjectFiles } from './project-files';
import { checkWebhookObjectTypes } from './webhook-checks';

export { readProjectFiles, type MetaFile, type Profile, type ProjectFiles } from './project-files';

/**
 * The project's own checks of the HubSpot project, beside HubSpot's parser (which is lenient
 * offline: without an account it does not validate components against their schemas, so a card
 * without a uid, a misspelt location or an http:// fetch origin would pass it). Each check returns
 * problems as sentences that name the file and say what to do; none means the project is sound.
 */

/** Card locations of @hubspot/ui-extensions 0.17's CrmContext (crm.record.sidebar allows only CRM action components). */
export const CARD_LOCATIONS = ['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar'] as const;
/** Standard objects a card can be placed on; custom objects are named `p_<name>` (unsure: not used here). */
export const CARD_OBJECT_TYPES = ['contacts', 'companies', 'deals', 'tickets'] as const;
const CUSTOM_CARD_OBJECT = /^p_[a-z][a-z0-9_]*$/;

/** Where each component type's hsmeta file must sit, relative to srcDir (HubSpot's project layout). */
export const COMPONENT_DIRS: Record<string, string> = { app: 'app', card: 'app/cards', webhooks: 'app/webhooks' };
const TOP_LEVEL_FIELDS = new Set(['uid', 'type', 'config']);
/** HubSpot's uid rule (validateUid in @hubspot/project-parsing-lib). */
const UID = /^[a-zA-Z0-9_.-]{1,64}$/;
const VARIABLE = /\$\{([^}]*)\}/g;
const HAS_VARIABLE = /\$\{[^}]*\}/;

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const configOf = (m: MetaFile) => obj(obj(m.json).config);

/** Replaces `${NAME}` with the profile's value, as HubSpot does at upload and in `hs project dev`. */
export function withProfile<T>(value: T, profile: Profile): T {
  return JSON.parse(JSON.stringify(value).replace(VARIABLE, (_m, name: string) => String(profile.variables[name] ?? `\${${name}}`))) as T;
}

export function checkProjectFile(files: ProjectFiles): string[] {
  const p = obj(files.project);
  const problems: string[] = [];
  if (typeof p.name !== 'string' || !p.name) problems.push(`${PROJECT_FILE}: "name" is missing.`);
  if (p.srcDir !== SRC_DIR) problems.push(`${PROJECT_FILE}: "srcDir" must be "${SRC_DIR}" (is ${JSON.stringify(p.srcDir)}).`);
  if (p.platformVersion !== PLATFORM_VERSION)
    problems.push(`${PROJECT_FILE}: "platformVersion" must be "${PLATFORM_VERSION}" (is ${JSON.stringify(p.platformVersion)}).`);
  return problems;
}

/** Every hsmeta file: JSON, only uid/type/config, a valid uid unique in the project, in its type's folder. */
export function checkMetaFiles(files: ProjectFiles): string[] {
  const problems: string[] = [];
  const uids = new Map<string, string[]>();
  for (const m of files.metas) {
    const where = `${SRC_DIR}/${m.path}`;
    if (m.error !== undefined) {
      problems.push(`${where}: not valid JSON (${m.error}).`);
      continue;
    }
    const json = obj(m.json);
    const extra = Object.keys(json).filter((k) => !TOP_LEVEL_FIELDS.has(k));
    if (extra.length) problems.push(`${where}: unexpected top-level field(s) ${extra.join(', ')}; only uid, type and config are allowed.`);
    if (typeof json.uid !== 'string' || !json.uid) problems.push(`${where}: "uid" is missing.`);
    else if (!UID.test(json.uid)) problems.push(`${where}: uid "${json.uid}" must be 1–64 letters, digits, "_", "-" or ".".`);
    else uids.set(json.uid, [...(uids.get(json.uid) ?? []), where]);
    if (!json.config || typeof json.config !== 'object') problems.push(`${where}: "config" is missing.`);
    const type = typeof json.type === 'string' ? json.type : '';
    const dir = COMPONENT_DIRS[type];
    if (!dir) problems.push(`${where}: type ${JSON.stringify(json.type)} is not one this project uses (${Object.keys(COMPONENT_DIRS).join(', ')}).`);
    else if (posix.dirname(m.path) !== dir) problems.push(`${where}: a ${type} belongs in ${SRC_DIR}/${dir}/.`);
  }
  for (const [uid, where] of uids) if (where.length > 1) problems.push(`uid "${uid}" is used by ${where.join(' and ')}; uids must be unique in the project.`);
  const apps = files.metas.filter((m) => obj(m.json).type === 'app');
  if (apps.length !== 1) problems.push(`the project needs exactly one app (${SRC_DIR}/${APP_META}); found ${apps.length}.`);
  return problems;
}

/** Cards: a known location, known object types, an entrypoint that exists, one package.json with the pinned React. */
export function checkCards(files: ProjectFiles): string[] {
  const problems: string[] = [];
  const srcDir = join(files.root, SRC_DIR);
  const cards = files.metas.filter((m) => obj(m.json).type === 'card');
  for (const m of cards) {
    const where = `${SRC_DIR}/${m.path}`;
    const c = configOf(m);
    if (typeof c.name !== 'string' || !c.name) problems.push(`${where}: "config.name" (the card's title) is missing.`);
    if (!CARD_LOCATIONS.includes(c.location as (typeof CARD_LOCATIONS)[number])) {
      problems.push(`${where}: location ${JSON.stringify(c.location)} is not one of ${CARD_LOCATIONS.join(', ')}.`);
    }
    const types = Array.isArray(c.objectTypes) ? c.objectTypes : [];
    if (!types.length) problems.push(`${where}: "objectTypes" must list the records the card appears on, e.g. ["deals"].`);
    for (const t of types) {
      if (!(CARD_OBJECT_TYPES as readonly unknown[]).includes(t) && !(typeof t === 'string' && CUSTOM_CARD_OBJECT.test(t))) {
        problems.push(`${where}: object type ${JSON.stringify(t)} is not one of ${CARD_OBJECT_TYPES.join(', ')} (or p_<custom object>).`);
      }
    }
    const entry = typeof c.entrypoint === 'string' ? c.entrypoint : '';
    if (!entry.startsWith(`/${CARDS_DIR}/`) || !/\.(tsx|jsx)$/.test(entry)) {
      problems.push(`${where}: entrypoint ${JSON.stringify(c.entrypoint)} must be a .tsx or .jsx file under /${CARDS_DIR}/.`);
    } else if (!existsSync(join(srcDir, entry))) {
      problems.push(`${where}: entrypoint ${entry} does not exist (looked for ${SRC_DIR}${entry}).`);
    }
  }
  if (cards.length) {
    const pkgPath = join(srcDir, CARDS_DIR, 'package.json');
    const pkg = obj(readJson(pkgPath).json);
    const deps = obj(pkg.dependencies);
    if (!existsSync(pkgPath)) problems.push(`${SRC_DIR}/${CARDS_DIR}/package.json is missing: HubSpot builds the cards from it.`);
    else {
      if (!deps['@hubspot/ui-extensions']) problems.push(`${SRC_DIR}/${CARDS_DIR}/package.json: @hubspot/ui-extensions is not a dependency.`);
      if (deps.react !== '18.3.1')
        problems.push(
          `${SRC_DIR}/${CARDS_DIR}/package.json: react must be exactly 18.3.1 (the peer @hubspot/ui-extensions 0.17 requires); is ${JSON.stringify(deps.react)}.`,
        );
    }
  }
  return problems;
}

/** An HTTPS origin HubSpot accepts for hubspot.fetch: https, no path, not localhost. */
export function originProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'is not a string';
  if (HAS_VARIABLE.test(value)) return 'uses a variable no profile defines';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:') return 'must be https (hubspot.fetch refuses anything else)';
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return 'cannot be localhost (use local.json to proxy it in hs project dev)';
  if (url.pathname !== '/' || url.search || url.hash || value.endsWith('/')) return 'must be an origin (scheme and host, no path or trailing slash)';
  return undefined;
}

/** Profiles: an account id, every variable the hsmeta files use, HTTPS origins for fetch and webhooks. */
export function checkProfiles(files: ProjectFiles): string[] {
  const problems: string[] = [];
  if (!files.profiles.length) problems.push(`${SRC_DIR}/ has no hsprofile.<name>.json: the hsmeta files use \${${SERVICE_ORIGIN_VARIABLE}}.`);
  const used = new Set<string>();
  for (const m of files.metas) for (const v of JSON.stringify(m.json ?? null).matchAll(VARIABLE)) used.add(v[1]!);
  const app = files.metas.find((m) => obj(m.json).type === 'app');
  const webhooks = files.metas.filter((m) => obj(m.json).type === 'webhooks');
  for (const profile of files.profiles) {
    const where = `${SRC_DIR}/hsprofile.${profile.name}.json`;
    if (typeof profile.accountId !== 'number' || !Number.isInteger(profile.accountId) || profile.accountId < 0) {
      problems.push(`${where}: "accountId" must be the portal's numeric id (0 until set; the HubSpot CLI refuses 0 and says so).`);
    }
    for (const name of used) if (!(name in profile.variables)) problems.push(`${where}: variable ${name} is used by the hsmeta files but not defined.`);
    for (const [name, value] of Object.entries(profile.variables)) {
      if (!['string', 'number', 'boolean'].includes(typeof value)) problems.push(`${where}: variable ${name} must be a string, number or boolean.`);
    }
    const origin = profile.variables[SERVICE_ORIGIN_VARIABLE];
    const bad = originProblem(origin);
    if (bad) problems.push(`${where}: ${SERVICE_ORIGIN_VARIABLE} ${JSON.stringify(origin)} ${bad}.`);
    if (app) {
      const fetch = obj(withProfile(configOf(app), profile).permittedUrls).fetch;
      const list = Array.isArray(fetch) ? fetch : [];
      if (!list.length) problems.push(`${SRC_DIR}/${APP_META}: permittedUrls.fetch is empty; the cards call the service with hubspot.fetch.`);
      for (const u of list) {
        const p = originProblem(u);
        if (p) problems.push(`${SRC_DIR}/${APP_META} with profile ${profile.name}: fetch origin ${JSON.stringify(u)} ${p}.`);
      }
      if (typeof origin === 'string' && !list.includes(origin))
        problems.push(`${SRC_DIR}/${APP_META} with profile ${profile.name}: permittedUrls.fetch does not include the service origin ${origin}.`);
    }
    for (const w of webhooks) {
      const settings = obj(withProfile(configOf(w), profile).settings);
      const target = typeof settings.targetUrl === 'string' ? settings.targetUrl : '';
      let ok = false;
      try {
        ok = new URL(target).protocol === 'https:';
      } catch {
        ok = false;
      }
      if (!ok) problems.push(`${SRC_DIR}/${w.path} with profile ${profile.name}: targetUrl ${JSON.stringify(target)} must be an https URL.`);
      if (settings.maxConcurrentRequests !== 10)
        problems.push(`${SRC_DIR}/${w.path}: maxConcurrentRequests should be 10 (HubSpot's default; the service sizes its in-flight limit for it).`);
    }
  }
  return problems;
}

/** The app: static auth, private distribution. Its scopes are checked against the code in test/project/scopes.test.ts. */
export function checkApp(files: ProjectFiles): string[] {
  const app = files.metas.find((m) => obj(m.json).type === 'app');
  if (!app) return [];
  const c = configOf(app);
  const auth = obj(c.auth);
  const where = `${SRC_DIR}/${app.path}`;
  const problems: string[] = [];
  if (c.distribution !== 'private') problems.push(`${where}: distribution must be "private".`);
  if (auth.type !== 'static') problems.push(`${where}: auth.type must be "static" (a private app with a static token).`);
  if (!Array.isArray(auth.requiredScopes) || !auth.requiredScopes.length) problems.push(`${where}: auth.requiredScopes is empty.`);
  if (typeof c.name !== 'string' || !c.name.trim() || c.name !== c.name.trim()) problems.push(`${where}: "config.name" is missing or has surrounding spaces.`);
  if (typeof c.description !== 'string' || !c.description) problems.push(`${where}: "config.description" is missing.`);
  return problems;
}

/** All of the above. */
export function checkProject(root: string): string[] {
  const files = readProjectFiles(root);
  return [
    ...checkProjectFile(files),
    ...checkMetaFiles(files),
    ...checkApp(files),
    ...checkCards(files),
    ...checkProfiles(files),
    ...checkWebhookObjectTypes(files),
  ];
}

/** The app's required scopes as written (before profile substitution; scopes take no variables). */
export function appScopes(root: string): string[] {
  const app = readProjectFiles(root).metas.find((m) => obj(m.json).type === 'app');
  const scopes = app ? obj(obj(configOf(app)).auth).requiredScopes : undefined;
  return Array.isArray(scopes) ? scopes.map(String) : [];
}
