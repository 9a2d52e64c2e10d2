// npm run project:webhooks [-- --check]: the app's webhook subscriptions, generated from schemas/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScriptArgs, type ScriptSpec } from '../src/cli/script-args';
import { loadModel, ModelError } from '../src/model';
import { SRC_DIR, WEBHOOKS_META } from '../src/project/hubspot-project';
import { renderWebhooksMeta } from '../src/project/webhooks-meta';

const SPEC = {
  synopsis: 'npm run project:webhooks -- [--check]',
  description: `Writes extensions/app/webhooks/webhooks-hsmeta.json (the app's webhook subscriptions) from
schemas/ (SCHEMAS_DIR). Exits 1 with --check when the file is not what schemas/ gives.`,
  options: { check: { type: 'boolean', description: 'write nothing; only compare (for CI)' } },
} satisfies ScriptSpec;

const { values } = parseScriptArgs(SPEC);
const target = join(SRC_DIR, WEBHOOKS_META);
let wanted: string;
try {
  wanted = renderWebhooksMeta(loadModel(process.env.SCHEMAS_DIR ?? 'schemas'));
} catch (err) {
  if (!(err instanceof ModelError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // missing: generated below, or reported by --check
}
if (values.check) {
  if (current !== wanted) {
    process.stderr.write(`${target} is out of date with schemas/: run npm run project:webhooks\n`);
    process.exit(1);
  }
  process.stdout.write(`${target} matches schemas/\n`);
} else if (current === wanted) {
  process.stdout.write(`${target} is up to date\n`);
} else {
  writeFileSync(target, wanted);
  process.stdout.write(`wrote ${target}\n`);
}
