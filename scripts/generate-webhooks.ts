import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../src/model';
import { SRC_DIR, WEBHOOKS_META } from '../src/project/hubspot-project';
import { renderWebhooksMeta } from '../src/project/webhooks-meta';

/**
 * npm run project:webhooks [-- --check]
 * Writes extensions/app/webhooks/webhooks-hsmeta.json from schemas/ (SCHEMAS_DIR); with --check,
 * writes nothing and exits 1 when the file is not what schemas/ gives.
 */
const target = join(SRC_DIR, WEBHOOKS_META);
const wanted = renderWebhooksMeta(loadModel(process.env.SCHEMAS_DIR ?? 'schemas'));
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // missing: generated below, or reported by --check
}
if (process.argv.includes('--check')) {
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
