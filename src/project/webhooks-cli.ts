import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../model';
import { SRC_DIR, WEBHOOKS_META } from './hubspot-project';
import { objectTypeIdVariable } from './object-type-ids';
import { subscribedCustomObjects } from './webhook-subscriptions';
import { renderWebhooksMeta } from './webhooks-meta';

export const WEBHOOKS_USAGE = `Usage: npm run project:webhooks [-- --check | --without-custom-objects | --from-portal --profile <name>]

  (no option)                 write ${SRC_DIR}/${WEBHOOKS_META} from schemas/ (SCHEMAS_DIR)
  --check                     write nothing; exit 1 when the file is not what schemas/ gives
  --without-custom-objects    write it without the custom-object subscriptions: only for the first
                              upload, before the portal has the custom objects
  --from-portal --profile P   read the custom objects' 2-… ids from the portal (HUBSPOT_ACCESS_TOKEN)
                              into ${SRC_DIR}/hsprofile.P.json, then write the file from schemas/
  --help                      print this and exit

Exit codes: 0 done, 1 out of date or failed, 2 usage error.`;

export interface WebhooksCliDeps {
  root: string;
  loadModel: () => Model;
  /** The portal's custom object schemas (only --from-portal calls it). */
  readSchemas: () => Promise<Array<{ name: string; objectTypeId: string }>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type Args = { mode: 'help' | 'check' | 'write' | 'first-upload' } | { mode: 'from-portal'; profile: string } | { error: string };

export function parseWebhooksArgs(argv: string[]): Args {
  const known = ['--help', '-h', '--check', '--without-custom-objects', '--from-portal', '--profile'];
  const profileAt = argv.indexOf('--profile');
  const profile = profileAt >= 0 ? argv[profileAt + 1] : undefined;
  const rest = argv.filter((a, i) => !(profileAt >= 0 && i === profileAt + 1));
  const unknown = rest.filter((a) => !known.includes(a));
  if (argv.includes('--help') || argv.includes('-h')) return { mode: 'help' };
  if (unknown.length) return { error: `unknown option ${unknown.join(', ')}` };
  const modes = ['--check', '--without-custom-objects', '--from-portal'].filter((m) => argv.includes(m));
  if (modes.length > 1) return { error: `${modes.join(' and ')} cannot be combined` };
  if (argv.includes('--from-portal')) {
    if (!profile || profile.startsWith('-')) return { error: '--from-portal needs --profile <name> (the profile of the portal the token belongs to)' };
    return { mode: 'from-portal', profile };
  }
  if (profileAt >= 0) return { error: '--profile is used only with --from-portal' };
  if (argv.includes('--check')) return { mode: 'check' };
  return { mode: argv.includes('--without-custom-objects') ? 'first-upload' : 'write' };
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** Sets each subscribed custom object's `…_OBJECT_TYPE_ID` in the profile; returns what was set. */
async function idsIntoProfile(deps: WebhooksCliDeps, model: Model, profile: string): Promise<string[] | { error: string }> {
  const path = join(deps.root, SRC_DIR, `hsprofile.${profile}.json`);
  if (!existsSync(path)) return { error: `${SRC_DIR}/hsprofile.${profile}.json does not exist; name one of the project's profiles.` };
  const schemas = await deps.readSchemas();
  const names = subscribedCustomObjects(model);
  const missing = names.filter((n) => !schemas.some((s) => s.name === n));
  if (missing.length) return { error: `The portal has no custom object ${missing.join(', ')}: run \`npm run provision -- apply\` against it first.` };
  const json = JSON.parse(readFileSync(path, 'utf8')) as { variables?: Record<string, unknown> };
  const set = names.map((n) => [objectTypeIdVariable(n), schemas.find((s) => s.name === n)!.objectTypeId] as const);
  json.variables = { ...json.variables, ...Object.fromEntries(set) };
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  return set.map(([k, v]) => `${k}=${v}`);
}

/** `npm run project:webhooks`; returns the exit code. */
export async function runWebhooksCli(argv: string[], deps: WebhooksCliDeps): Promise<number> {
  const args = parseWebhooksArgs(argv);
  if ('error' in args) {
    deps.stderr(`${args.error}\n\n${WEBHOOKS_USAGE}\n`);
    return 2;
  }
  if (args.mode === 'help') {
    deps.stdout(`${WEBHOOKS_USAGE}\n`);
    return 0;
  }
  const target = join(deps.root, SRC_DIR, WEBHOOKS_META);
  const shown = `${SRC_DIR}/${WEBHOOKS_META}`;
  const model = deps.loadModel();
  const current = readOr(target, '');
  if (args.mode === 'check') {
    if (current !== renderWebhooksMeta(model)) {
      deps.stderr(`${shown} is out of date with schemas/: run npm run project:webhooks\n`);
      return 1;
    }
    deps.stdout(`${shown} matches schemas/\n`);
    return 0;
  }
  if (args.mode === 'from-portal') {
    const set = await idsIntoProfile(deps, model, args.profile);
    if ('error' in set) {
      deps.stderr(`${set.error}\n`);
      return 1;
    }
    deps.stdout(`set ${set.join(', ')} in ${SRC_DIR}/hsprofile.${args.profile}.json\n`);
  }
  const wanted = renderWebhooksMeta(model, { withoutCustomObjects: args.mode === 'first-upload' });
  if (current === wanted) deps.stdout(`${shown} is up to date\n`);
  else {
    writeFileSync(target, wanted);
    deps.stdout(`wrote ${shown}\n`);
  }
  if (args.mode === 'first-upload') {
    deps.stdout('Without the custom-object subscriptions: upload, provision, then run npm run project:webhooks -- --from-portal --profile <name> and upload again.\n');
  }
  return 0;
}
