// npm run playbooks [-- --dry-run]: the playbooks' daily pass, once.
import { runCli } from '../src/cli/run-cli';
import { parseScriptArgs, type ScriptSpec } from '../src/cli/script-args';

const SPEC = {
  synopsis: 'npm run playbooks -- [--dry-run]',
  description: `The playbooks' daily pass, once: every deal in a stage with a playbook (schemas/playbooks.json)
gets the units it is missing (once per deal and stage, never twice), and unit tasks whose
deliverable now exists are ticked. Needs HUBSPOT_ACCESS_TOKEN.`,
  options: { 'dry-run': { type: 'boolean', description: 'list the units it would create and the tasks it would tick; write nothing' } },
} satisfies ScriptSpec;

const { values } = parseScriptArgs(SPEC);
const dryRun = values['dry-run'] === true;
void runCli(async (rt) => {
  const r = await (await rt.presale()).dailyPass(rt.now(), { dryRun });
  if (dryRun) {
    for (const p of r.plans.filter((x) => x.create.length || x.complete.length)) {
      process.stdout.write(
        `  deal ${p.dealId} (${p.dealName}, ${p.stageLabel ?? p.stageId}): would create ${p.create.map((d) => d.key).join(', ') || 'nothing'}; would tick ${p.complete.length} task(s)\n`,
      );
    }
  }
  const create = dryRun ? r.plans.reduce((n, p) => n + p.create.length, 0) : r.unitsCreated;
  const tick = dryRun ? r.plans.reduce((n, p) => n + p.complete.length, 0) : r.tasksCompleted;
  process.stdout.write(
    `Playbooks${dryRun ? ' (dry run: nothing written)' : ''}: ${r.dealsChecked} deal(s) in playbook stages; ${create} unit task(s) ${dryRun ? 'to create' : 'created'}, ${tick} ${dryRun ? 'to tick' : 'ticked'}.\n`,
  );
  return 0;
});
