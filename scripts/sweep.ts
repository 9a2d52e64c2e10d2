// npm run sweep [-- --dry-run]: gates every deal in a gated stage whose webhook was missed.
import { runCli } from '../src/cli/run-cli';
import { parseScriptArgs, type ScriptSpec } from '../src/cli/script-args';
import { renderSweepPreview } from '../src/gate/render-sweep-preview';

const SPEC = {
  synopsis: 'npm run sweep -- [--dry-run]',
  description: `Gates every deal sitting in a gated stage without a passed gate (a missed webhook): sends
back those that miss items, passes the rest. Needs HUBSPOT_ACCESS_TOKEN.`,
  options: { 'dry-run': { type: 'boolean', description: 'list what it would send back or pass, deal by deal; write nothing' } },
} satisfies ScriptSpec;

const { values } = parseScriptArgs(SPEC);
const dryRun = values['dry-run'] === true;
void runCli(async (rt) => {
  const started = Date.now();
  const r = await rt.sweep(rt.now(), { dryRun });
  if (r.decisions) process.stdout.write(`${renderSweepPreview(r.decisions, await rt.pipelines.all())}\n`);
  const [back, passed] = dryRun ? ['would be sent back', 'would pass'] : ['sent back', 'passed'];
  process.stdout.write(
    `Sweep${dryRun ? ' (dry run: nothing written)' : ''}: ${r.candidates} deal(s) in gated stages without a passed gate; ${r.reverted} ${back}, ${r.passed} ${passed}, ${r.skipped} left alone${r.taskCopiesClosed ? `; ${r.taskCopiesClosed} second copy(ies) of a gate task completed` : ''}${r.noteCopiesArchived ? `; ${r.noteCopiesArchived} second copy(ies) of an override note archived` : ''} (${Date.now() - started} ms).\n`,
  );
  return 0;
});
