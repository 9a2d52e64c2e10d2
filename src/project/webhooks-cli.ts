import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readScriptArgs, usageLine, type ScriptSpec } from '../cli/script-args';
import type { Model } from '../model';
import { SRC_DIR, WEBHOOKS_META } from './hubspot-project';
import { objectTypeIdVariable } from './object-type-ids';
import { subscribedCustomObjects } from './webhook-subscriptions';
import { renderWebhooksMeta } from './webhooks-meta';

export const WEBHOOKS_SPEC = {
  synopsis: 'npm run project:webhooks -- [--check | --without-custom-objects | --from-portal --profile <name>]',
  description: `Writes ${SRC_DIR}/${WEBHOOKS_META} (the app's webhook subscriptions) from schemas/ (SCHEMAS_DIR).
Exit codes: 0 done, 1 out of date or failed, 2 usage error.`,
  options: {
    check: { type: 'boolean', description: 'write nothing; exit 1 when the file is not what schemas/ gives' },
    'without-custom-objects': {
      type: 'boolean',
      description: 'write it without the custom-object subscriptions: only for the first upload, before the portal has the custom objects',
    },
    'from-portal': {
      type: 'boolean',
      description: `read the custom objects' 2-… ids from the portal (HUBSPOT_ACCESS_TOKEN) into ${SRC_DIR}/hsprofile.<profile>.json, then write the file`,
    },
    profile: { type: 'string', value: 'name', description: 'the profile of the portal the token belongs to (with --from-portal)' },
  },
} satisfies ScriptSpec;

export interface WebhooksCliDeps {
  root: string;
  loadModel: () => Model;
  /** The portal's custom object schemas (only --from-portal calls it). */
  readSchemas: () => Promise<Array<{ name: string; objectTypeId: string }>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

type Args = { mode: 'help'; text: string } | { mode: 'check' | 'write' | 'first-upload' } | { mode: 'from-portal'; profile: string } | { error: string };

export function parseWebhooksArgs(argv: string[]): Args {
  const r = readScriptArgs(WEBHOOKS_SPEC, argv);
  if (r.kind === 'help') return { mode: 'help', text: r.text };
  if (r.kind === 'error') return { error: r.line };
  const v = r.values;
  const modes = (['check', 'without-custom-objects', 'from-portal'] as const).filter((m) => v[m]).map((m) => `--${m}`);
  if (modes.length > 1) return { error: usageLine(WEBHOOKS_SPEC, `${modes.join(' and ')} cannot be combined`) };
  if (v['from-portal']) {
    if (!v.profile) return { error: usageLine(WEBHOOKS_SPEC, '--from-portal needs --profile <name> (the profile of the portal the token belongs to)') };
    return { mode: 'from-portal', profile: v.profile };
  }
  if (v.profile) return { error: usageLine(WEBHOOKS_SPEC, '--profile is used only with --from-portal') };
  if (v.check) return { mode: 'check' };
  return { mode: v['without-custom-objects'] ? 'first-upload' : 'write' };
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
    deps.stderr(`${args.error}\n`);
    return 2;
  }
  if (args.mode === 'help') {
    deps.stdout(args.text);
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
    deps.stdout(
      'Without the custom-object subscriptions: upload, provision, then run npm run project:webhooks -- --from-portal --profile <name> and upload again.\n',
    );
  }
  return 0;
}
